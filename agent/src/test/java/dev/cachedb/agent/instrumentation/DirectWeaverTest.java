package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.log.AgentLog;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

class DirectWeaverTest {
  private static final String SAMPLE = WarmUp.class.getName() + "$Sample";
  private static final String SAMPLE_FILE = SAMPLE.replace('.', '/');
  private final ClassLoader loader = getClass().getClassLoader();
  private final AtomicInteger failures = new AtomicInteger();

  @Test
  void weavesTheAdviceOfAMatchingTypeAndLeavesOthersAlone() throws Exception {
    byte[] original = SuperTypeIndexTest.classFile(loader, SAMPLE_FILE);
    byte[] woven = weaver(named(SAMPLE), WarmUp.class.getName() + "$SampleAdvice")
        .transform(loader, SAMPLE_FILE, null, null, original);
    assertThat(woven).isNotNull();
    assertThat(woven.length).isGreaterThan(original.length); // the advice's code, inlined

    assertThat(weaver(named("other.Type"), WarmUp.class.getName() + "$SampleAdvice")
        .transform(loader, SAMPLE_FILE, null, null, original)).isNull();
    assertThat(failures).hasValue(0);
  }

  @Test
  void aClassThatCannotBeWovenIsLeftAsItWasAndCounted() throws Exception {
    byte[] original = SuperTypeIndexTest.classFile(loader, SAMPLE_FILE);
    assertThat(weaver(named(SAMPLE), "no.such.Advice")
        .transform(loader, SAMPLE_FILE, null, null, original)).isNull();
    assertThat(failures).hasValue(1);
  }

  private DirectWeaver weaver(ElementMatcher<TypeDescription> types, String adviceClass) {
    TypeInstrumentation type = new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        return types;
      }

      @Override
      public void transform(AdviceTarget target) {
        target.applyAdvice(named("run"), adviceClass);
      }
    };
    return new DirectWeaver(
        Collections.singletonList(new TransformGate.Candidate(
            ElementMatchers.<ClassLoader>any(), types, type)),
        new TransformFailures(AgentLog.Level.DEBUG, failures::incrementAndGet));
  }
}
