package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Lettuce's reply outputs ({@code io.lettuce.core.output.*}): the decoder calls
 * {@code set(ByteBuffer)} once per bulk value, with null for a nil. Counting here gives the
 * per-key figures of {@code MGET}/{@code HMGET} and the emptiness of collection reads the same way
 * for every API, including the reactive one, whose streaming outputs pass elements straight to the
 * subscriber and keep no list to inspect at completion.
 */
final class CommandOutputInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.startingAndEnding("io.lettuce.core.output.", "Output");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("set")
            .and(takesArguments(1))
            .and(takesArgument(0, named(ByteBuffer.class.getName())))
            .and(not(isAbstract())),
        CommandOutputInstrumentation.class.getName() + "$SetAdvice");
  }

  public static class SetAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object self, @Advice.Argument(0) Object bytes) {
      LettuceCalls.element(self, bytes);
    }
  }
}
