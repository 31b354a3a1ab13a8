package dev.cachedb.agent.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the properties file named by {@code config} without ever holding up the application's
 * start. Opening a FIFO blocks until someone writes to it, and a file on a hung network mount
 * blocks even its {@code stat}; premain would then never return and the application never start.
 * So only a regular file of at most {@link #MAX_BYTES} is read, and the whole read (the check
 * included) runs on a daemon thread that premain waits for at most {@link #DEADLINE_MILLIS}. A read
 * that misses the deadline is abandoned: its thread may stay blocked, but as a daemon it keeps
 * nothing alive, and the agent is off with one error line.
 */
final class ConfigFile {

  static final int MAX_BYTES = 1 << 20;
  static final long DEADLINE_MILLIS = 2000;
  private static final String ALLOWED =
      "; allowed is the path of a readable regular properties file of at most 1 MiB";

  private ConfigFile() {}

  static Properties read(String path) throws ConfigException {
    FutureTask<byte[]> read = new FutureTask<>(() -> bytes(path));
    Thread reader = new Thread(read, "cachedb-agent-config-reader");
    reader.setDaemon(true);
    reader.start();
    byte[] bytes;
    try {
      bytes = read.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw refused(path, "not read within " + DEADLINE_MILLIS + " ms (a hung mount?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused(path, "reading was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof ConfigException
          ? (ConfigException) cause
          : refused(path, "cannot read the file (" + cause.getClass().getSimpleName() + ")");
    }
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw refused(path, "not a properties file (" + e.getClass().getSimpleName() + ")");
    }
    return p;
  }

  /** On the reader thread: checks the kind and size before opening, then reads with a bound. */
  private static byte[] bytes(String path) throws ConfigException, IOException {
    Path file = Paths.get(path);
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw refused(path, "not a regular file (a FIFO, device or directory is never read)");
    }
    if (attributes.size() > MAX_BYTES) {
      throw refused(path, "larger than 1 MiB");
    }
    byte[] buffer = new byte[(int) attributes.size() + 1];
    int length = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; length < buffer.length
          && (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
        length += n;
      }
    }
    if (length == buffer.length) {
      throw refused(path, "changed while it was read");
    }
    byte[] out = new byte[length];
    System.arraycopy(buffer, 0, out, 0, length);
    return out;
  }

  private static ConfigException refused(String path, String why) {
    return new ConfigException(
        "key 'config' value " + ConfigParser.quoted(path) + ": " + why + ALLOWED);
  }
}
