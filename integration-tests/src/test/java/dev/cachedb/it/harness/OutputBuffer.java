package dev.cachedb.it.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Drains one output stream of a child process into memory, line by line, on a daemon thread. */
final class OutputBuffer {
  private final StringBuilder text = new StringBuilder();
  private final Thread reader;

  OutputBuffer(InputStream in, String name) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  synchronized (text) {
                    text.append(line).append('\n');
                    text.notifyAll();
                  }
                }
              } catch (IOException ignored) {
                // the process ended; what was read stays
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    reader = t;
  }

  /**
   * Waits until the stream's end has been read. A process that has exited may still have lines
   * in the pipe; a test that asserts on its output right after the exit must see them.
   */
  void awaitEnd(long timeoutMillis) throws InterruptedException {
    reader.join(timeoutMillis);
  }

  String text() {
    synchronized (text) {
      return text.toString();
    }
  }

  /** Waits until the text contains {@code needle}; false on timeout. */
  boolean await(String needle, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    synchronized (text) {
      while (text.indexOf(needle) < 0) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        text.wait(Math.min(left, 200));
      }
      return true;
    }
  }
}
