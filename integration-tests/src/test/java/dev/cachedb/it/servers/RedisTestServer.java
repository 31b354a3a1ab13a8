package dev.cachedb.it.servers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A real redis-server (embedded-redis' 6.2 binary) on a free loopback port, optionally with
 * {@code requirepass}. Tests start one per class and share it.
 *
 * <pre>
 * try (RedisTestServer redis = RedisTestServer.start("s3cret")) {
 *   String memory = redis.info("memory");
 * }
 * </pre>
 */
public final class RedisTestServer implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final int port;
  private final String password;
  private redis.embedded.RedisServer server;

  private RedisTestServer(int port, String password) {
    this.port = port;
    this.password = password;
  }

  public static RedisTestServer start() {
    return start(null);
  }

  public static RedisTestServer start(String requirepass) {
    RedisTestServer s = new RedisTestServer(freePort(), requirepass);
    s.launch();
    return s;
  }

  public int port() {
    return port;
  }

  public String host() {
    return HOST;
  }

  /** Stops the server; clients then see connection failures. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.stop();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        server = null;
      }
    }
  }

  /** Starts the server again on the same port (empty: nothing is persisted). */
  public synchronized void restart() {
    stop();
    launch();
  }

  /** Runs {@code INFO <section>} on a connection of its own and returns the reply text. */
  public String info(String section) {
    return command("INFO", section);
  }

  /**
   * {@code CONFIG RESETSTAT}: zeroes {@code INFO commandstats} and {@code keyspace_hits/misses},
   * so a test reads afterwards exactly what its workload sent.
   */
  public void resetStatistics() {
    command("CONFIG", "RESETSTAT");
  }

  /** {@code CONFIG SET name value}, e.g. {@code configSet("maxmemory", "2mb")}; lost on restart. */
  public void configSet(String name, String value) {
    command("CONFIG", "SET", name, value);
  }

  /** Sends one command on a connection of its own; the reply text of a simple or bulk reply. */
  private String command(String... args) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 5000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      if (password != null) {
        send(out, "AUTH", password);
        String reply = line(in);
        if (!reply.startsWith("+")) {
          throw new IllegalStateException("AUTH refused: " + reply);
        }
      }
      send(out, args);
      String header = line(in);
      if (header.startsWith("+")) {
        return header.substring(1);
      }
      if (!header.startsWith("$")) {
        throw new IllegalStateException(args[0] + " refused: " + header);
      }
      byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
      return new String(body, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One field of an INFO section, e.g. {@code infoValue("memory", "used_memory")}. */
  public String infoValue(String section, String field) {
    for (String l : info(section).split("\r\n")) {
      if (l.startsWith(field + ":")) {
        return l.substring(field.length() + 1);
      }
    }
    throw new IllegalStateException("no " + field + " in INFO " + section);
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void launch() {
    try {
      redis.embedded.core.RedisServerBuilder b =
          redis.embedded.RedisServer.newRedisServer()
              .port(port)
              .bind(HOST)
              .setting("save \"\"")
              .setting("appendonly no");
      if (password != null) {
        b.setting("requirepass " + password);
      }
      server = b.build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(OutputStream out, String... args) throws IOException {
    StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
    for (String a : args) {
      byte[] b = a.getBytes(StandardCharsets.UTF_8);
      sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        buf.write(c);
      }
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
