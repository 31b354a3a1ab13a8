package dev.cachedb.it.testagent;

import java.lang.instrument.Instrumentation;

/**
 * A test agent, loaded after cachedb-agent ({@code -javaagent:cachedb-agent.jar
 * -javaagent:test-agent.jar=<mode>}) or before an attach of it, that wraps the agent's bootstrap
 * sinks in throwing ones: the failures arrive through the real advice and the real hooks, and the
 * production jar carries no switch for them. Modes:
 *
 * <ul>
 *   <li>{@code failRecording}: every call into the cache, JDBC and pool sinks throws after the
 *       agent's recorder has run, so the numbers stay exact.
 *   <li>{@code failLettuceCompletion}: a Lettuce command's completion or failure throws before the
 *       recorder sees it, so its in-flight slot is never freed (as the advice did on Lettuce 6.5 to
 *       6.7).
 * </ul>
 *
 * <p>The sinks are static fields of classes on the bootstrap path, reached by reflection through
 * the bootstrap loader once the agent has put them there. Loaded first by {@code -javaagent},
 * cachedb-agent has already; its recorders are then installed on its own start thread, and this
 * premain waits for them so that the application's first call already meets the throwing sinks.
 * Before an attach, a daemon thread waits for the attach instead.
 *
 * <p>This class names no agent type: it is loaded before the bootstrap classes exist, and only
 * {@link FailingSinks}, loaded after, refers to them.
 */
public final class FailingSinksAgent {
  static final String BOOTSTRAP = "dev.cachedb.agent.bootstrap.";

  private FailingSinksAgent() {}

  public static void premain(String mode, Instrumentation inst) {
    boolean recording = "failRecording".equals(mode);
    if (!recording && !"failLettuceCompletion".equals(mode)) {
      throw new IllegalArgumentException("mode failRecording or failLettuceCompletion: " + mode);
    }
    if (bootstrapClass("LettuceCalls") != null) {
      FailingSinks.install(recording);
      return;
    }
    Thread waiting = new Thread(() -> {
      while (bootstrapClass("LettuceCalls") == null) {
        pause();
      }
      FailingSinks.install(recording);
    }, "cachedb-test-agent");
    waiting.setDaemon(true);
    waiting.start();
  }

  private static Class<?> bootstrapClass(String name) {
    try {
      return Class.forName(BOOTSTRAP + name, false, null);
    } catch (ClassNotFoundException notYet) {
      return null;
    }
  }

  static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
