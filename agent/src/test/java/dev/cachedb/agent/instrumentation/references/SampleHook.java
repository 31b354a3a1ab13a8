package dev.cachedb.agent.instrumentation.references;

import java.net.Socket;

/** Stands for a bootstrap hook: JDK types only, so it adds no library reference. */
final class SampleHook {
  private SampleHook() {}

  static void called(String name, int retries, Socket socket) {}
}
