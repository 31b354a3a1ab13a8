package dev.cachedb.agent.instrumentation.jedis.v2_9;

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
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Jedis 2.9 to 3.x {@code Connection}: every command ends in {@code sendCommand(command, byte[]...)}
 * (2.x takes {@code Protocol.Command}, 3.x {@code ProtocolCommand}; both are enums here), and every
 * reply in {@code readProtocolWithCheckingBroken()}.
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
            .and(takesArguments(2))
            .and(takesArgument(1, named(byte[][].class.getCanonicalName()))),
        JedisConnectionInstrumentation.class.getName() + "$SendAdvice");
  }

  public static final class SendAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter() {
      return System.nanoTime();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This Object connection,
        @Advice.Argument(0) Object command,
        @Advice.Argument(1) byte[][] args,
        @Advice.FieldValue("socket") Socket socket,
        @Advice.Enter long start,
        @Advice.Thrown Throwable thrown) {
      JedisCalls.sent(connection, command, args, socket, start, thrown);
    }
  }
}
