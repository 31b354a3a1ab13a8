package dev.cachedb.it.testagent;

import dev.cachedb.agent.bootstrap.JdbcCalls;
import dev.cachedb.agent.bootstrap.JedisCalls;
import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.bootstrap.PoolCalls;
import java.lang.reflect.Field;
import java.util.function.Function;

/** Puts the failing sinks in place of the agent's recorders, once the agent has installed them. */
final class FailingSinks {
  private static final String BOOTSTRAP = FailingSinksAgent.BOOTSTRAP;
  private static final long WAIT_MILLIS = 30_000;

  private FailingSinks() {}

  /** Waits until the agent has installed the sinks the mode wraps (or gives up), then wraps. */
  static void install(boolean recording) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String[] hooks = recording
        ? new String[] {"JedisCalls", "LettuceCalls", "JdbcCalls", "PoolCalls"}
        : new String[] {"LettuceCalls"};
    while (!installed(hooks) && System.currentTimeMillis() < deadline) {
      FailingSinksAgent.pause();
    }
    try {
      wrap("LettuceCalls", real -> new FailingLettuceSink((LettuceCalls.Sink) real, !recording));
      if (recording) {
        wrap("JedisCalls", real -> new FailingJedisSink((JedisCalls.Sink) real));
        wrap("JdbcCalls", real -> new FailingJdbcSink((JdbcCalls.Sink) real));
        wrap("PoolCalls", real -> new FailingPoolSink((PoolCalls.Sink) real));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    System.err.println("[cachedb-test-agent] failing sinks installed: "
        + (recording ? "every recording call throws" : "Lettuce completions throw"));
  }

  /** True when each hook's sink is the agent's recorder, no longer the hook's no-op default. */
  private static boolean installed(String[] hooks) {
    try {
      for (String hook : hooks) {
        Class<?> base = Class.forName(BOOTSTRAP + hook + "$Sink", false, null);
        if (sink(hook).get(null).getClass() == base) {
          return false;
        }
      }
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static void wrap(String hook, Function<Object, Object> failing)
      throws ReflectiveOperationException {
    Field f = sink(hook);
    f.set(null, failing.apply(f.get(null)));
  }

  private static Field sink(String hook) throws ReflectiveOperationException {
    return Class.forName(BOOTSTRAP + hook, true, null).getField("sink");
  }

  static RuntimeException failure() {
    return new IllegalStateException("forced recording failure (test agent)");
  }
}
