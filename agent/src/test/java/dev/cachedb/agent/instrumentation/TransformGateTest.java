package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

class TransformGateTest {
  abstract static class DriverStatement implements Statement {}

  interface StatementLike extends Statement {}

  abstract static class Unrelated extends ArrayList<String> {}

  abstract static class ExecutingStatement implements Statement {
    @Override
    public ResultSet executeQuery(String sql) {
      return null;
    }
  }

  abstract static class ExecutingUnrelated extends ArrayList<String> {
    public ResultSet executeQuery(String sql) {
      return null;
    }
  }

  private static final byte[] CHANGED = {42};
  private final ClassLoader loader = getClass().getClassLoader();
  private final AtomicInteger builds = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void onlyClassesThatCouldMatchReachTheWeaverWhichIsBuiltOnce() throws Exception {
    TransformGate gate = gate(ElementMatchers.<ClassLoader>any(), named(name(DriverStatement.class)));

    assertThat(transform(gate, null, Unrelated.class)).isNull(); // the bootstrap loader
    assertThat(transform(gate, loader, Unrelated.class)).isNull();
    assertThat(builds).hasValue(0); // nothing could match yet: the weaver not even built

    assertThat(transform(gate, loader, DriverStatement.class)).isSameAs(CHANGED);
    assertThat(transform(gate, loader, DriverStatement.class)).isSameAs(CHANGED);
    assertThat(builds).hasValue(1);
    assertThat(calls).hasValue(2);
  }

  @Test
  void aLoaderWithoutTheLibraryStopsEveryClass() throws Exception {
    TransformGate gate = gate(ElementMatchers.<ClassLoader>none(), named(name(DriverStatement.class)));
    assertThat(transform(gate, loader, DriverStatement.class)).isNull();
    assertThat(builds).hasValue(0);
  }

  @Test
  void superTypesAndModifiersAreAnsweredFromTheHeader() throws Exception {
    TransformGate gate = gate(ElementMatchers.<ClassLoader>any(),
        not(isInterface()).and(SafeSuperTypes.named("java.sql.Statement")));
    assertThat(transform(gate, loader, DriverStatement.class)).isSameAs(CHANGED);
    assertThat(transform(gate, loader, StatementLike.class)).isNull();
    assertThat(transform(gate, loader, Unrelated.class)).isNull();
  }

  @Test
  void implementingNeedsTheSuperTypeADeclaredMethodAndAPackageNotExcluded() throws Exception {
    String[] methods = {"execute", "executeQuery"};
    TransformGate gate = gate(ElementMatchers.<ClassLoader>any(),
        Implementing.type("java.sql.Statement", methods, new String[] {"never.excluded."}));
    assertThat(transform(gate, loader, DriverStatement.class)).isNull(); // a Statement, no execute
    assertThat(transform(gate, loader, StatementLike.class)).isNull(); // an interface
    assertThat(transform(gate, loader, Unrelated.class)).isNull();
    assertThat(transform(gate, loader, ExecutingUnrelated.class)).isNull();
    assertThat(transform(gate, loader, ExecutingStatement.class)).isSameAs(CHANGED);

    TransformGate excluding = gate(ElementMatchers.<ClassLoader>any(),
        Implementing.type("java.sql.Statement", methods, new String[] {"dev.cachedb.agent."}));
    assertThat(transform(excluding, loader, ExecutingStatement.class)).isNull();
  }

  @Test
  void implementingAgreesOnAByteBuddyDescription() {
    Implementing statements = Implementing.type(
        "java.sql.Statement", new String[] {"executeQuery"}, new String[0]);
    assertThat(statements.matches(TypeDescription.ForLoadedType.of(ExecutingStatement.class)))
        .isTrue();
    assertThat(statements.matches(TypeDescription.ForLoadedType.of(DriverStatement.class)))
        .isFalse();
    assertThat(statements.matches(TypeDescription.ForLoadedType.of(ExecutingUnrelated.class)))
        .isFalse();
  }

  @Test
  void aClassNamedByAnInstrumentationPassesWithoutTheOtherTests() throws Exception {
    AtomicInteger structural = new AtomicInteger();
    TransformGate gate = new TransformGate(IgnoredTypes.of("never.Ignored"),
        Arrays.asList(
            candidate(ElementMatchers.<ClassLoader>any(), ByName.named(name(Unrelated.class))),
            candidate(ElementMatchers.<ClassLoader>any(), type -> {
              structural.incrementAndGet();
              return false;
            })),
        this::weaver);
    assertThat(transform(gate, loader, Unrelated.class)).isSameAs(CHANGED);
    assertThat(structural).hasValue(0);
    assertThat(transform(gate, loader, DriverStatement.class)).isNull();
    assertThat(structural).hasValue(1);
  }

  @Test
  void ignoredNamesAreNeverLetThrough() throws Exception {
    TransformGate gate = new TransformGate(IgnoredTypes.of(getClass().getName()),
        Collections.singletonList(candidate(ElementMatchers.<ClassLoader>any(),
            ElementMatchers.<TypeDescription>any())), this::weaver);
    assertThat(transform(gate, loader, DriverStatement.class)).isNull();
  }

  @Test
  void aMatcherThatNeedsMoreThanTheHeaderLetsTheClassThrough() throws Exception {
    ElementMatcher<TypeDescription> needsMethods = type -> {
      throw new IllegalStateException("not in a header");
    };
    TransformGate gate = gate(ElementMatchers.<ClassLoader>any(), needsMethods);
    assertThat(transform(gate, loader, Unrelated.class)).isSameAs(CHANGED);
  }

  @Test
  void anUnreadableClassFileIsLeftToTheWeaver() throws Exception {
    TransformGate gate = gate(ElementMatchers.<ClassLoader>any(), named("never.Named"));
    assertThat(gate.transform(loader, "a/B", null, null, new byte[] {1, 2, 3})).isSameAs(CHANGED);
  }

  @Test
  void aLoadedClassIsPickedByTheSameTestsWithItsHeaderReadFromItsLoader() {
    TransformGate byName =
        gate(ElementMatchers.<ClassLoader>any(), ByName.named(name(Unrelated.class)));
    assertThat(byName.couldMatch(Unrelated.class)).isTrue();
    assertThat(byName.couldMatch(DriverStatement.class)).isFalse();
    assertThat(byName.couldMatch(String.class)).isFalse(); // the bootstrap loader

    String[] methods = {"executeQuery"};
    TransformGate byHeader = gate(ElementMatchers.<ClassLoader>any(),
        Implementing.type("java.sql.Statement", methods, new String[] {"never.excluded."}));
    assertThat(byHeader.couldMatch(ExecutingStatement.class)).isTrue();
    assertThat(byHeader.couldMatch(ExecutingUnrelated.class)).isFalse();
    assertThat(byHeader.couldMatch(DriverStatement.class)).isFalse();

    TransformGate noLibrary =
        gate(ElementMatchers.<ClassLoader>none(), ByName.named(name(Unrelated.class)));
    assertThat(noLibrary.couldMatch(Unrelated.class)).isFalse();
    assertThat(builds).hasValue(0); // choosing builds nothing
  }

  @Test
  void aLambdaClassIsNeverPickedForRetransformation() {
    Runnable lambda = () -> {};
    // Its class file is unreadable, which lets an ordinary class through (previous test).
    TransformGate gate = gate(ElementMatchers.<ClassLoader>any(), named("never.Named"));
    assertThat(lambda.getClass().getName()).contains("/");
    assertThat(gate.couldMatch(lambda.getClass())).isFalse();
  }

  @Test
  void warmUpBuildsTheWeaverAndWeavesTheSample() throws Exception {
    TransformGate gate = gate(ElementMatchers.<ClassLoader>any(), named("never.Named"));
    gate.warmUp();
    assertThat(builds).hasValue(1);
    WarmUp.weaveSample(); // throws if the sample cannot be woven
  }

  private TransformGate gate(
      ElementMatcher<ClassLoader> loaders, ElementMatcher<TypeDescription> types) {
    return new TransformGate(IgnoredTypes.of("never.Ignored"),
        Arrays.asList(candidate(ElementMatchers.<ClassLoader>none(), named("never.Named")),
            candidate(loaders, types)),
        this::weaver);
  }

  private static TransformGate.Candidate candidate(
      ElementMatcher<ClassLoader> loaders, ElementMatcher<TypeDescription> types) {
    return new TransformGate.Candidate(loaders, types, null);
  }

  private ClassFileTransformer weaver() {
    builds.incrementAndGet();
    return new ClassFileTransformer() {
      @Override
      public byte[] transform(ClassLoader l, String n, Class<?> c, java.security.ProtectionDomain d,
          byte[] b) {
        calls.incrementAndGet();
        return CHANGED;
      }
    };
  }

  private static byte[] transform(TransformGate gate, ClassLoader loader, Class<?> type)
      throws IOException, IllegalClassFormatException {
    String internal = type.getName().replace('.', '/');
    byte[] bytes = SuperTypeIndexTest.classFile(type.getClassLoader(), internal);
    return gate.transform(loader, internal, null, null, bytes);
  }

  private static String name(Class<?> type) {
    return type.getName();
  }
}
