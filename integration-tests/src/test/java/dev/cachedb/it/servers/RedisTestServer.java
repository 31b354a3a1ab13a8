package dev.cachedb.it.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import redis.embedded.RedisServer;

/**
 * A real redis-server (embedded-redis' bundled 6.2 binary) on a free loopback port, optionally with
 * {@code requirepass}. {@link #restart()} brings it back on the same port after {@link #stop()}.
 */
public final class RedisTestServer implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final int port;
  private final String requirepass;
  private RedisServer server;

  private RedisTestServer(int port, String requirepass) {
    this.port = port;
    this.requirepass = requirepass;
  }

  public static RedisTestServer start() throws IOException {
    return start(null);
  }

  public static RedisTestServer start(String requirepass) throws IOException {
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

  public void stop() throws IOException {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public void restart() throws IOException {
    stop();
    launch();
  }

  /** {@code INFO <section>} over a plain socket, authenticating first when a password is set. */
  public String info(String section) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 5000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      if (requirepass != null) {
        out.write(command("AUTH", requirepass));
        readLine(in);
      }
      out.write(command("INFO", section));
      String header = readLine(in);
      if (!header.startsWith("$")) {
        throw new IOException("unexpected INFO reply: " + header);
      }
      byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private void launch() throws IOException {
    RedisServer s =
        RedisServer.newRedisServer()
            .port(port)
            .bind(HOST)
            .setting("save \"\"")
            .setting("appendonly no")
            .settingIf(requirepass != null, "requirepass " + requirepass)
            .build();
    s.start();
    server = s;
  }

  private static byte[] command(String... parts) {
    StringBuilder sb = new StringBuilder("*").append(parts.length).append("\r\n");
    for (String p : parts) {
      sb.append('$').append(p.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(p)
          .append("\r\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
