package dev.cachedb.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test tells a workload app to go on by creating a file: the app printed a marker, the test
 * scraped or changed the world, and the app must not run ahead of it.
 */
final class Signal {
  /** Bounds a wait whose test has died, so an orphaned app ends by itself. */
  private static final long TIMEOUT_MS = 600_000;

  private Signal() {}

  /** A phased app's step: says {@code phase-<name>}, then waits for {@code <dir>/go-<name>}. */
  static void endPhase(Path dir, String phase) throws InterruptedException {
    System.out.println("phase-" + phase);
    awaitFile(dir.resolve("go-" + phase));
  }

  static void awaitFile(Path file) throws InterruptedException {
    long end = System.currentTimeMillis() + TIMEOUT_MS;
    while (!Files.exists(file)) {
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("no signal " + file.getFileName());
      }
      Thread.sleep(10);
    }
  }
}
