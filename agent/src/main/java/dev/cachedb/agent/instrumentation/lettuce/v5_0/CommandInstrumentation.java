package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The innermost {@code io.lettuce.core.protocol.Command}: every wrapper (AsyncCommand,
 * ClusterCommand, CommandWrapper and its reactive and tracing subclasses) delegates completion,
 * failure and cancellation to it, and a ClusterCommand that is redirected does not complete it
 * until the final node answered. So this is where a logical command ends, exactly once.
 *
 * <p>The advice passes the command's type (a {@code ProtocolKeyword}) as it is and lets the hook
 * name it: {@code ProtocolKeyword.name()} is absent from 6.5 to 6.7, and calling it threw on every
 * completion there.
 */
final class CommandInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("io.lettuce.core.protocol.Command");
  }

  @Override
  public void transform(AdviceTarget target) {
    String self = CommandInstrumentation.class.getName();
    target.applyAdvice(named("complete").and(takesArguments(0)), self + "$CompleteAdvice");
    target.applyAdvice(named("completeExceptionally").and(takesArguments(1)), self + "$FailAdvice");
    target.applyAdvice(named("cancel").and(takesArguments(0)), self + "$FailAdvice");
  }

  public static class CompleteAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object self) {
      RedisCommand<?, ?, ?> command = (RedisCommand<?, ?, ?>) self;
      CommandOutput<?, ?, ?> output = command.getOutput();
      if (output != null) {
        CommandArgs<?, ?> args = command.getArgs();
        LettuceCalls.completed(
            output,
            command.getType(),
            output.get(),
            output.getError() != null,
            args == null ? 0 : args.count());
      }
    }
  }

  public static class FailAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object self) {
      RedisCommand<?, ?, ?> command = (RedisCommand<?, ?, ?>) self;
      Object output = command.getOutput();
      if (output != null) {
        LettuceCalls.failed(output, command.getType());
      }
    }
  }
}
