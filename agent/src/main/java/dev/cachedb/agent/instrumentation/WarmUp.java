package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.cachedb.agent.instrumentation.weave.AdviceClass;
import dev.cachedb.agent.instrumentation.weave.ClassFiles;
import dev.cachedb.agent.instrumentation.weave.ClassWeaver;
import java.io.IOException;
import java.util.Collections;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Weaves advice into a class of our own, in memory, on the agent's thread ({@code cachedb-agent})
 * before it starts the endpoint. The first weave loads the weaver's classes (ours, ASM's reader
 * and writer, the method matchers) and runs their code cold; done here, off the application's
 * startup path and in parallel with it, the application's first library class is woven by warm
 * code instead. The woven bytes are thrown away; nothing is defined.
 */
final class WarmUp {
  private WarmUp() {}

  static void weaveSample() throws IOException {
    ClassLoader loader = WarmUp.class.getClassLoader();
    String sample = WarmUp.class.getName() + "$Sample";
    byte[] bytes = ClassFiles.read(loader, sample);
    AdviceClass advice = AdviceClass.read(WarmUp.class.getName() + "$SampleAdvice", loader);
    ClassWeaver.weave(new ClassReader(bytes), HeaderType.of(ClassHeader.parse(bytes)),
        Collections.singletonList(new ClassWeaver.Advised(named("run"), advice, "warm-up")));
  }

  /** The woven class: a method with an argument and a result, like the library methods. */
  static final class Sample {
    int run(Object argument) {
      return argument == null ? 0 : argument.hashCode();
    }
  }

  /** Advice shaped like ours: suppressed exceptions, an enter value, the result at exit. */
  static final class SampleAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.Argument(0) Object argument) {
      return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Return int result,
        @Advice.Thrown Throwable thrown) {
      if (thrown == null && result < 0) {
        System.nanoTime();
      }
    }
  }
}
