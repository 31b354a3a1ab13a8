package dev.cachedb.agent.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.CallDepth;
import dev.cachedb.agent.bootstrap.JedisCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import java.net.Socket;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Advice on {@code redis.clients.jedis.Connection} shared by every Jedis line from 2.9 to 8.x:
 * the reply funnel, flush failures, new sockets, disconnects, and the client's own housekeeping.
 */
public final class JedisConnectionAdvice {

  private static final String SELF = JedisConnectionAdvice.class.getName() + "$";

  private JedisConnectionAdvice() {}

  /**
   * Advises {@code Connection}: the line's own send method ({@code send}, with {@code sendAdvice})
   * and the methods every line shares.
   */
  public static void apply(
      AdviceTarget target, ElementMatcher<? super MethodDescription> send, String sendAdvice) {
    target.applyAdvice(send, sendAdvice);
    target.applyAdvice(
        named("readProtocolWithCheckingBroken").and(takesArguments(0)), SELF + "ReadAdvice");
    target.applyAdvice(named("flush").and(takesArguments(0)), SELF + "FlushAdvice");
    target.applyAdvice(named("connect").and(takesArguments(0)), SELF + "ConnectAdvice");
    target.applyAdvice(named("disconnect").and(takesArguments(0)), SELF + "DisconnectAdvice");
  }

  /** {@code readProtocolWithCheckingBroken()}: every reply, of every API, passes here. */
  public static final class ReadAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.This Object connection,
        @Advice.Return Object reply,
        @Advice.Thrown Throwable thrown) {
      JedisCalls.replied(connection, reply, thrown);
    }
  }

  /** {@code flush()}: when writing fails, every command still owed a reply failed. */
  public static final class FlushAdvice {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This Object connection, @Advice.Thrown Throwable thrown) {
      if (thrown != null) {
        JedisCalls.broken(connection);
      }
    }
  }

  /** {@code connect()}: runs before every command; only a new socket is news. */
  public static final class ConnectAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Socket enter(@Advice.FieldValue("socket") Socket socket) {
      return socket;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.FieldValue("socket") Socket socket, @Advice.Enter Socket before) {
      if (socket != before) {
        JedisCalls.connected(socket);
      }
    }
  }

  /** {@code disconnect()}: replies still owed will never be read. */
  public static final class DisconnectAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object connection) {
      JedisCalls.disconnecting(connection);
    }
  }

  /**
   * Connection setup and pool upkeep: commands sent inside are not the application's. The pool's
   * factory runs at every borrow and return, so the thread's counters are looked up once per call.
   */
  public static final class SetupAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Local("depths") int[] depths) {
      depths = CallDepth.counters();
      depths[CallDepth.REDIS_COMMAND]++;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Local("depths") int[] depths) {
      CallDepth.exit(depths, CallDepth.REDIS_COMMAND);
    }
  }
}
