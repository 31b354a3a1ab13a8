package dev.cachedb.agent.instrumentation;

import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;

/** The Lettuce completion advice as it was before 6.5 broke it: reads the type's name(). */
final class OldLettuceAdvice {
  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object self) {
    String unused = ((RedisCommand<?, ?, ?>) self).getType().name();
  }
}
