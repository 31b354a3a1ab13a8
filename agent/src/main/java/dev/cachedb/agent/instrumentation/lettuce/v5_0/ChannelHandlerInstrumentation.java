package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import io.lettuce.core.protocol.RedisCommand;
import java.util.Collection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code RedisChannelHandler.dispatch}: where every API (sync through async, reactive through its
 * publisher, cluster through its connection) hands a command to the connection. The start time is
 * taken here, once per logical command: cluster redirects and reconnect retries write the command
 * again below this point without passing here, and a repeated start keeps the first.
 */
final class ChannelHandlerInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("io.lettuce.core.RedisChannelHandler");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("dispatch").and(takesArguments(1))
            .and(takesArgument(0, named("io.lettuce.core.protocol.RedisCommand"))),
        ChannelHandlerInstrumentation.class.getName() + "$DispatchAdvice");
    target.applyAdvice(
        named("dispatch")
            .and(takesArguments(1))
            .and(takesArgument(0, named(Collection.class.getName()))),
        ChannelHandlerInstrumentation.class.getName() + "$DispatchAllAdvice");
  }

  public static class DispatchAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object command) {
      RedisCommand<?, ?, ?> c = (RedisCommand<?, ?, ?>) command;
      LettuceCalls.dispatched(c.getOutput(), c.getType(), c.getArgs());
    }

    /** 5.x rejects a write to a closed or disconnected endpoint by throwing, not completing. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Argument(0) Object command, @Advice.Thrown Throwable thrown) {
      if (thrown != null) {
        RedisCommand<?, ?, ?> c = (RedisCommand<?, ?, ?>) command;
        LettuceCalls.failed(c.getOutput(), c.getType());
      }
    }
  }

  public static class DispatchAllAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Collection<?> commands) {
      for (Object command : commands) {
        RedisCommand<?, ?, ?> c = (RedisCommand<?, ?, ?>) command;
        LettuceCalls.dispatched(c.getOutput(), c.getType(), c.getArgs());
      }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Argument(0) Collection<?> commands, @Advice.Thrown Throwable thrown) {
      if (thrown != null) {
        for (Object command : commands) {
          RedisCommand<?, ?, ?> c = (RedisCommand<?, ?, ?>) command;
          LettuceCalls.failed(c.getOutput(), c.getType());
        }
      }
    }
  }
}
