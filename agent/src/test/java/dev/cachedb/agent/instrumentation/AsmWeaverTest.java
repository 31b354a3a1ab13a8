package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.instrumentation.weave.SuppressedHook;
import dev.cachedb.agent.instrumentation.weave.TestAdvice;
import dev.cachedb.agent.instrumentation.weave.WovenClass;
import dev.cachedb.agent.instrumentation.weave.WovenTarget;
import dev.cachedb.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

class AsmWeaverTest {
  private static final String SAMPLE = WarmUp.class.getName() + "$Sample";
  private static final String SAMPLE_FILE = SAMPLE.replace('.', '/');
  private static final String SAMPLE_ADVICE = WarmUp.class.getName() + "$SampleAdvice";
  private final ClassLoader loader = getClass().getClassLoader();
  private final AtomicInteger failures = new AtomicInteger();

  /** Every advice class of every module is one the ASM weaver inlines itself. */
  @Test
  void theInlinerCoversEveryAdviceClassOfTheAgent() throws Exception {
    List<String> advice = new ArrayList<>();
    for (InstrumentationModule module : Instrumentations.all()) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        type.transform((methods, adviceClass) -> advice.add(adviceClass));
      }
    }
    assertThat(advice).hasSizeGreaterThan(20);
    for (String name : advice) {
      assertThat(AsmWeaver.advice(name)).as(name).isNotNull(); // throws if declined
    }
  }

  @Test
  void weavesTheAdviceOfAMatchingTypeAndLeavesOthersAlone() throws Exception {
    byte[] original = SuperTypeIndexTest.classFile(loader, SAMPLE_FILE);
    byte[] woven = weaver(ByName.named(SAMPLE), named("run"), SAMPLE_ADVICE)
        .transform(loader, SAMPLE_FILE, null, null, original);
    assertThat(woven).isNotNull();
    assertThat(woven.length).isGreaterThan(original.length); // the advice's code, inlined

    assertThat(weaver(ByName.named("other.Type"), named("run"), SAMPLE_ADVICE)
        .transform(loader, SAMPLE_FILE, null, null, original)).isNull();
    assertThat(failures).hasValue(0);
  }

  @Test
  void aClassThatCannotBeWovenIsLeftAsItWasAndCounted() throws Exception {
    byte[] original = SuperTypeIndexTest.classFile(loader, SAMPLE_FILE);
    assertThat(weaver(ByName.named(SAMPLE), named("run"), "no.such.Advice")
        .transform(loader, SAMPLE_FILE, null, null, original)).isNull();
    assertThat(failures).hasValue(1);
  }

  /** What Byte Buddy's weaving once took over is now a failure like any other. */
  @Test
  void adviceTheInlinerDeclinesLeavesTheClassAsItWasAndCounted() throws Exception {
    String target = WovenTarget.class.getName().replace('.', '/');
    byte[] original = SuperTypeIndexTest.classFile(loader, target);
    assertThat(weaver(ByName.named(WovenTarget.class.getName()), named("nothing"),
            TestAdvice.Skipping.class.getName())
        .transform(loader, target, null, null, original)).isNull();
    assertThat(failures).hasValue(1);
  }

  @Test
  void aTypeMatcherThatNeedsMoreThanTheHeaderIsCountedNotGuessed() throws Exception {
    ElementMatcher<TypeDescription> needsMethods = type -> {
      throw new IllegalStateException("not in a header");
    };
    byte[] original = SuperTypeIndexTest.classFile(loader, SAMPLE_FILE);
    assertThat(weaver(needsMethods, named("run"), SAMPLE_ADVICE)
        .transform(loader, SAMPLE_FILE, null, null, original)).isNull();
    assertThat(failures).hasValue(1);
  }

  @Test
  void aThrowableTheAdviceThrowsGoesToTheHookAndTheCallReturns() throws Exception {
    String target = WovenTarget.class.getName();
    byte[] woven = weaver(ByName.named(target), named("twice"), TestAdvice.Throwing.class.getName())
        .transform(loader, target.replace('.', '/'), null, null,
            SuperTypeIndexTest.classFile(loader, target.replace('.', '/')));
    assertThat(woven).isNotNull();
    Class<?> type = WovenClass.define(loader, target, woven);
    Object instance = type.getConstructor(String.class).newInstance("t");
    try (SuppressedHook hook = SuppressedHook.install()) {
      assertThat(type.getMethod("twice", long.class).invoke(instance, 21L)).isEqualTo(42L);
      String site = "test-module/" + TestAdvice.Throwing.class.getName();
      assertThat(hook.seen).containsExactly(site + " enter", site + " exit");
    }
    assertThat(failures).hasValue(0);
  }

  private AsmWeaver weaver(ElementMatcher<TypeDescription> types,
      ElementMatcher<? super MethodDescription> methods, String adviceClass) {
    TypeInstrumentation type = new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        return types;
      }

      @Override
      public void transform(AdviceTarget target) {
        target.applyAdvice(methods, adviceClass);
      }
    };
    return new AsmWeaver(
        Collections.singletonList(new TransformGate.Candidate(
            ElementMatchers.<ClassLoader>any(), types, type)),
        Collections.singletonMap(type, "test-module"),
        new TransformFailures(AgentLog.Level.DEBUG, failures::incrementAndGet));
  }
}
