package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile clients on the same host against a real agent, while a scraper asks once a second and
 * counts answers of 200 within 2 s: idle connections, slowloris, empty heads, a stalled TLS
 * handshake, file descriptors running out. Each attack is held {@code it.attack.hold.seconds}
 * (20 here for CI time; the figures in docs/safety.md come from 60).
 */
class EndpointAttackIT {
  private static final int HOLD_SECONDS = Integer.getInteger("it.attack.hold.seconds", 20);
  private static final String PASSWORD = "Pw-7f3a91";

  @Test
  void plainEndpointAnswersScrapesThroughIdleAndSlowlorisFloodsAndEmptyHeads() throws Exception {
    try (AppProcess app = lingering("port=0,host=127.0.0.1")) {
      int port = app.metricsPort();
      String url = "http://127.0.0.1:" + port + "/metrics";

      attack("idle x2000", url, null, new Attackers(port, 2000, false));
      attack("slowloris x200", url, null, new Attackers(port, 200, true));

      int linesBefore = agentLines(app.stderr());
      int bad = 0;
      for (int i = 0; i < 3000; i++) {
        try (Socket s = new Socket("127.0.0.1", port)) {
          s.setSoTimeout(5000);
          s.getOutputStream().write("\n\n".getBytes(StandardCharsets.ISO_8859_1));
          byte[] b = new byte[12];
          if (s.getInputStream().readNBytes(b, 0, 12) == 12
              && new String(b, StandardCharsets.ISO_8859_1).equals("HTTP/1.1 400")) {
            bad++;
          }
        }
      }
      System.out.printf("EndpointAttackIT empty heads: %d of 3000 answered 400, %d log lines%n",
          bad, agentLines(app.stderr()) - linesBefore);
      assertThat(bad).isEqualTo(3000);
      assertThat(agentLines(app.stderr()) - linesBefore).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void tlsEndpointAnswersScrapesWhileClientsStallTheirHandshake(@TempDir Path dir)
      throws Exception {
    Path keystore = dir.resolve("server.p12");
    SecuredEndpointIT.serverKeystore(keystore, PASSWORD);
    try (AppProcess app = lingering("port=0,host=127.0.0.1,tls.keystore=" + keystore
        + ",tls.keystore_password=" + PASSWORD)) {
      int port = app.metricsPort();
      attack("stalled TLS record header", "https://127.0.0.1:" + port + "/metrics",
          SecuredEndpointIT.trusting(keystore, PASSWORD), new Attackers(port, 1, false) {
            @Override
            byte[] opening() {
              return new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa0}; // a record header, then
            }
          });
    }
  }

  @Test
  void theListenerComesBackWhenFileDescriptorsAreFreed() throws Exception {
    try (AppProcess app = lingering("port=0,host=127.0.0.1")) {
      int port = app.metricsPort();
      String url = "http://127.0.0.1:" + port + "/metrics";
      long open;
      try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/" + app.pid() + "/fd"))) {
        open = fds.count();
      }
      long limit = open + 16; // what `ulimit -n` at start would give: a few spare descriptors
      Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(app.pid()),
          "--nofile=" + limit + ":" + limit).inheritIO().start();
      assertThat(p.waitFor()).isEqualTo(0);

      List<Socket> hogs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        hogs.add(new Socket("127.0.0.1", port)); // queued past the limit: accept fails
      }
      app.awaitStderr("cannot accept a connection");
      for (Socket s : hogs) {
        s.close();
      }
      long t0 = System.nanoTime();
      int status = 0;
      while (status != 200 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
        status = status(url, null);
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      System.out.printf("EndpointAttackIT descriptors freed: 200 after %d ms%n", millis);
      assertThat(status).isEqualTo(200);
      assertThat(millis).isLessThan(5000);
      assertThat(app.stderr()).containsOnlyOnce("cannot accept a connection");
    }
  }

  /** Holds the attack while the scraper asks once a second, and checks what it got. */
  private static void attack(String attack, String url, SSLContext tls, Attackers attackers)
      throws InterruptedException {
    assertThat(status(url, tls)).as("before the attack").isEqualTo(200); // a warm agent, as
    // Prometheus meets it: the first scrape builds the JVM metrics
    Scraper scraper = new Scraper(url, tls);
    try (Attackers held = attackers) {
      held.holdFor(HOLD_SECONDS);
    } finally {
      scraper.close(); // waits for the scrape in flight: the counts are final
    }
    report(attack, scraper);
  }

  private static AppProcess lingering(String agentArguments) throws Exception {
    AppProcess app =
        AppProcess.testApp().agent(agentArguments).args("--linger", "--rounds=1").start();
    app.awaitStdout("test-app: lingering");
    return app;
  }

  private static void report(String attack, Scraper scraper) {
    System.out.printf("EndpointAttackIT %s for %d s: %d of %d scrapes answered 200 within 2 s%n",
        attack, HOLD_SECONDS, scraper.answered, scraper.asked);
    assertThat(scraper.asked).isGreaterThanOrEqualTo(HOLD_SECONDS - 2);
    assertThat(scraper.answered * 100L).as(attack).isGreaterThanOrEqualTo(scraper.asked * 99L);
  }

  private static int agentLines(String stderr) {
    return stderr.split("\\[cachedb-agent]", -1).length - 1;
  }

  /** Scrapes once a second on a fresh connection, as Prometheus does after a failure. */
  private static final class Scraper implements AutoCloseable {
    volatile int asked;
    volatile int answered;
    private final Thread thread;

    Scraper(String url, SSLContext tls) {
      thread = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          long t0 = System.nanoTime();
          asked++;
          try {
            if (status(url, tls) == 200
                && System.nanoTime() - t0 <= TimeUnit.SECONDS.toNanos(2)) {
              answered++;
            }
            Thread.sleep(Math.max(0, 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join();
    }
  }

  /**
   * {@code count} connections that send their opening and then nothing ({@code dribble} false),
   * or a byte of a never-ending head each second; a connection the agent closes is opened again.
   */
  private static class Attackers implements AutoCloseable {
    private final int port;
    private final boolean dribble;
    private final SocketChannel[] channels;

    Attackers(int port, int count, boolean dribble) {
      this.port = port;
      this.dribble = dribble;
      this.channels = new SocketChannel[count];
    }

    byte[] opening() {
      return dribble ? "GET /metrics HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1)
          : new byte[0];
    }

    void holdFor(int seconds) throws InterruptedException {
      ByteBuffer scratch = ByteBuffer.allocate(4096);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < end) {
        for (int i = 0; i < channels.length; i++) {
          try {
            SocketChannel c = channels[i];
            scratch.clear();
            if (c == null || c.read(scratch) < 0) {
              if (c != null) {
                c.close();
              }
              c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
              c.configureBlocking(false);
              c.write(ByteBuffer.wrap(opening()));
              channels[i] = c;
            } else if (dribble) {
              c.write(ByteBuffer.wrap(new byte[] {'X'}));
            }
          } catch (IOException e) {
            close(i); // reset: opened again in a second
          }
        }
        Thread.sleep(1000);
      }
    }

    private void close(int i) {
      try {
        if (channels[i] != null) {
          channels[i].close();
        }
      } catch (IOException ignored) {
        // gone already
      }
      channels[i] = null;
    }

    @Override
    public void close() {
      for (int i = 0; i < channels.length; i++) {
        close(i);
      }
    }
  }

  private static int status(String url, SSLContext tls) {
    try {
      HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
      if (tls != null) {
        ((HttpsURLConnection) c).setSSLSocketFactory(tls.getSocketFactory());
      }
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      try {
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
          if (in != null) {
            in.readAllBytes();
          }
        }
        return status;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }
}
