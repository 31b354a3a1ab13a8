package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

class LoadedClassesTest {
  static class A {}

  static class B {}

  static class Rejected {}

  static class Unmodifiable {}

  static class Other {}

  private final List<String> retransformed = new ArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();

  @Test
  void theClassesTheGateTakesAreRetransformedAndARejectedOneIsCountedAlone() {
    Class<?>[] loaded = {A.class, Other.class, String.class, Unmodifiable.class, Rejected.class,
        B.class};
    TransformGate gate = new TransformGate(IgnoredTypes.of("never.Ignored"),
        Arrays.asList(new TransformGate.Candidate(ElementMatchers.<ClassLoader>any(),
            ByName.named(A.class.getName(), B.class.getName(), Rejected.class.getName(),
                Unmodifiable.class.getName()), null)),
        () -> new ClassFileTransformer() {}); // never asked: the fake JVM calls no transformer

    int selected = LoadedClasses.retransform(instrumentation(loaded), gate,
        new TransformFailures(AgentLog.Level.DEBUG, failures::incrementAndGet));

    assertThat(selected).isEqualTo(3);
    // one batch, rejected whole by the JVM, then one class at a time
    assertThat(retransformed).containsExactly("A,Rejected,B", "A", "Rejected", "B");
    assertThat(failures).hasValue(1);
  }

  /** A JVM that refuses {@link Rejected}, as its verifier would, and cannot change the other. */
  private Instrumentation instrumentation(Class<?>[] loaded) {
    return (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "getAllLoadedClasses":
              return loaded;
            case "isModifiableClass":
              return args[0] != Unmodifiable.class;
            case "retransformClasses":
              Class<?>[] classes = (Class<?>[]) args[0];
              retransformed.add(Arrays.stream(classes).map(Class::getSimpleName)
                  .collect(Collectors.joining(",")));
              if (Arrays.asList(classes).contains(Rejected.class)) {
                throw new VerifyError("rejected");
              }
              return null;
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }
}
