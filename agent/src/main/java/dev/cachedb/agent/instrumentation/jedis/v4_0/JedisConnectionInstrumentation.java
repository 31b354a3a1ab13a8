package dev.cachedb.agent.instrumentation.jedis.v4_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.JedisCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.jedis.JedisConnectionAdvice;
import java.net.Socket;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandArguments;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Jedis 4.0 to 8.x {@code Connection}: every command, of Jedis, JedisPooled/UnifiedJedis,
 * JedisCluster, pipelines and transactions, ends in {@code sendCommand(CommandArguments)}, and every
 * reply in {@code readProtocolWithCheckingBroken()}. {@code initializeFromClientConfig} is the
 * connection's own AUTH/HELLO/SELECT/CLIENT SETINFO.
 *
 * <p>The advice reads the command and the argument count itself ({@code getCommand()},
 * {@code size()}: public in every 4.0 to 8.x release), so they are references of its bytecode,
 * verified before weaving, rather than reflection behind the hook.
 */
public final class JedisConnectionInstrumentation implements TypeInstrumentation {
  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("redis.clients.jedis.Connection");
  }

  @Override
  public void transform(AdviceTarget target) {
    JedisConnectionAdvice.apply(
        target,
        named("sendCommand")
            .and(takesArguments(1))
            .and(takesArgument(0, named("redis.clients.jedis.CommandArguments"))),
        JedisConnectionInstrumentation.class.getName() + "$SendAdvice");
    target.applyAdvice(
        named("initializeFromClientConfig"),
        JedisConnectionAdvice.class.getName() + "$SetupAdvice");
  }

  public static final class SendAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
      return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This Object connection,
        @Advice.Argument(0) Object arguments,
        @Advice.FieldValue("socket") Socket socket,
        @Advice.Enter long start,
        @Advice.Thrown Throwable thrown) {
      CommandArguments a = (CommandArguments) arguments;
      JedisCalls.sentArguments(
          connection, a.getCommand(), a.size(), arguments, socket, start, thrown);
    }
  }
}
