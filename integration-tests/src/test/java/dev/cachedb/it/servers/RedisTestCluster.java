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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A three-master Redis cluster of embedded redis-servers on loopback: each started with
 * {@code cluster-enabled}, a third of the 16384 slots each, joined by {@code CLUSTER MEET}.
 */
public final class RedisTestCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final int SLOTS = 16384;

  private final List<redis.embedded.RedisServer> servers = new ArrayList<>();
  private final int[] ports;

  private RedisTestCluster(int[] ports) {
    this.ports = ports;
  }

  public static RedisTestCluster start() {
    RedisTestCluster c = new RedisTestCluster(freePorts(3));
    try {
      Path dir = Files.createTempDirectory("redis-cluster");
      for (int port : c.ports) {
        redis.embedded.RedisServer s =
            redis.embedded.RedisServer.newRedisServer()
                .port(port)
                .bind(HOST)
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("cluster-enabled yes")
                // Long: a node stalled on a loaded machine must not be marked failed mid-test.
                .setting("cluster-node-timeout 15000")
                .setting("cluster-config-file " + dir.resolve("nodes-" + port + ".conf"))
                .build();
        s.start();
        c.servers.add(s);
      }
      for (int i = 0; i < c.ports.length; i++) {
        int from = i * SLOTS / c.ports.length;
        int to = (i + 1) * SLOTS / c.ports.length;
        String[] cmd = new String[2 + to - from];
        cmd[0] = "CLUSTER";
        cmd[1] = "ADDSLOTS";
        for (int slot = from; slot < to; slot++) {
          cmd[2 + slot - from] = Integer.toString(slot);
        }
        command(c.ports[i], cmd);
        if (i > 0) {
          command(c.ports[0], "CLUSTER", "MEET", HOST, Integer.toString(c.ports[i]));
        }
      }
      c.awaitReady();
      return c;
    } catch (IOException e) {
      c.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  public String host() {
    return HOST;
  }

  public int port(int node) {
    return ports[node];
  }

  /** One field of a node's INFO section, e.g. {@code infoValue(0, "stats", "keyspace_hits")}. */
  public long infoValue(int node, String section, String field) {
    for (String l : command(ports[node], "INFO", section).split("\r\n")) {
      if (l.startsWith(field + ":")) {
        return Long.parseLong(l.substring(field.length() + 1));
      }
    }
    throw new IllegalStateException("no " + field + " in INFO " + section);
  }

  private void awaitReady() {
    long end = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < end) {
      boolean ready = true;
      for (int port : ports) {
        String info = command(port, "CLUSTER", "INFO");
        String nodes = command(port, "CLUSTER", "NODES");
        ready &= info.contains("cluster_state:ok") && nodes.split("\n").length == ports.length
            && !nodes.contains("handshake");
      }
      if (ready) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("cluster not ready in 30 s");
  }

  @Override
  public void close() {
    for (redis.embedded.RedisServer s : servers) {
      try {
        s.stop();
      } catch (IOException | RuntimeException ignored) {
        // best effort
      }
    }
    servers.clear();
  }

  /** Sends one command; returns a status line, or a bulk reply's text. */
  private static String command(int port, String... args) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 5000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
      for (String a : args) {
        sb.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
      }
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      String first = line(in);
      if (first.startsWith("-")) {
        throw new IllegalStateException(args[0] + " " + args[1] + ": " + first);
      }
      if (first.startsWith("$")) {
        return new String(in.readNBytes(Integer.parseInt(first.substring(1))), StandardCharsets.UTF_8);
      }
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /**
   * Distinct ports whose cluster bus port (+10000) is free too, none equal to another's bus port.
   * Drawn below 22768 so the bus ports stay under Linux's ephemeral range (32768 and up), where
   * an outgoing connection could take one between the check and the bind.
   */
  private static int[] freePorts(int n) {
    int[] out = new int[n];
    Set<Integer> taken = new HashSet<>();
    int found = 0;
    while (found < n) {
      int p = ThreadLocalRandom.current().nextInt(10000, 22768);
      boolean clash = taken.contains(p) || taken.contains(p + 10000) || taken.contains(p - 10000);
      if (!clash && free(p) && free(p + 10000)) {
        out[found++] = p;
        taken.add(p);
        taken.add(p + 10000);
      }
    }
    return out;
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
