package dev.cachedb.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Jdk;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.MariaDbServer;
import dev.cachedb.it.servers.WithRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A standalone Tomcat as legacy users run it: the distribution zip, a WAR with JNDI pools in its
 * {@code META-INF/context.xml} (Tomcat's default factory, i.e. its own DBCP, and Tomcat JDBC) and
 * Jedis in {@code WEB-INF/lib}, the MariaDB driver in Tomcat's {@code lib/}, the agent added in
 * {@code bin/setenv.sh} as docs/deploy.md says. Every count is held against what MariaDB and Redis
 * counted themselves ({@link ServerCounts}) and every pool gauge against what the pool says of
 * itself ({@code ShopServlet}'s /pools). The tests share one Tomcat and run in order: counts,
 * gauges, redeploys; the attach test starts a second Tomcat without the agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class TomcatIT {
  private static final int REQUESTS = 120;
  private static final int CLIENTS = 4;
  private static final int REDEPLOYS = 3;
  private static final String ORDERS_POOL = "jdbc/orders";

  @RegisterExtension static final WithRedis redisServer = WithRedis.plain();
  @TempDir static Path dir;

  private final AtomicInteger nextOrder = new AtomicInteger(2);
  private MariaDbServer mariaDb;
  private Connection truthDb;
  private Jedis truthRedis;
  private String tomcatJdbcUrl;
  private StandaloneTomcat tomcat;
  private int metricsPort;
  private Path war;

  /**
   * The Tomcat line each JDK runs. Tomcat 9.0 (javax.servlet) runs on Java 8, 10.1 (jakarta)
   * needs 11, 11.0 needs 17: JDK 8 and 17 run 9.0, the line most legacy applications are on;
   * 11 and 21 run 10.1; 25 runs 11.0. So the suite's JDK 17 and 25 runs cover javax and jakarta.
   */
  static String tomcatLine(int jdk) {
    switch (jdk) {
      case 8:
      case 17:
        return "9.0";
      case 11:
      case 21:
        return "10.1";
      default:
        return "11.0";
    }
  }

  @BeforeAll
  void startTomcatWithTheAgent() throws Exception {
    mariaDb = MariaDbServer.start();
    truthDb = DriverManager.getConnection(mariaDb.jdbcUrl("shop"), mariaDb.user(), "");
    try (Statement s = truthDb.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, item INT, total INT)");
      s.execute("CREATE TABLE catalog (item INT PRIMARY KEY, price INT, sold INT)");
      s.execute("INSERT INTO catalog VALUES (0, 10, 0), (1, 20, 0), (2, 30, 0)");
    }
    // The driver in Tomcat's lib/ is a 3.x one, which talks to the server without TLS.
    tomcatJdbcUrl = "jdbc:mariadb://127.0.0.1:" + mariaDb.port() + "/shop";
    truthRedis = new Jedis(redisServer.server().host(), redisServer.server().port());

    tomcat = unpackTomcat(dir.resolve("with-agent"));
    metricsPort = StandaloneTomcat.freePort();
    tomcat.setenv(
        "CATALINA_OPTS=\"$CATALINA_OPTS -javaagent:" + Artifacts.agentJar() + "=port="
            + metricsPort + "\"");
    tomcat.start();
    assertThat(tomcat.consoleText()).contains("serving metrics on");
    war = ShopWar.build(tomcat.home(), tomcatJdbcUrl, redisServer.server().host(),
        redisServer.server().port(), dir.resolve("war"));
    tomcat.deploy(war, "/shop");
    order(2); // every pool started before the first window
  }

  @AfterAll
  void stop() throws Exception {
    if (tomcat != null) {
      tomcat.close();
    }
    if (truthRedis != null) {
      truthRedis.close();
    }
    if (truthDb != null) {
      truthDb.close();
    }
    if (mariaDb != null) {
      mariaDb.close();
    }
  }

  @Test
  @Order(1)
  void everyStatementAndCommandIsCountedAsTheServersCountThem() throws Exception {
    long started = System.nanoTime();
    driveAndCheckCounts(tomcat, metricsPort);
    System.out.printf(
        "TomcatIT counts: JDK %d, Tomcat %s, %d requests in %d ms%n",
        Jdk.feature(), tomcatVersion(), REQUESTS, (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  @Order(2)
  void bothJndiPoolsShowWhatThePoolsSayOfThemselves() throws Exception {
    Map<String, Map<String, String>> pools = pools(tomcat);
    Scrape s = scrape(metricsPort);
    assertPool(s, ORDERS_POOL, pools.get("orders"));
    assertPool(s, pools.get("catalog").get("name"), pools.get("catalog"));
  }

  @Test
  @Order(3)
  void redeploysLeaveExactlyTheLivePools() throws Exception {
    for (int i = 1; i <= REDEPLOYS; i++) {
      tomcat.undeploy("/shop");
      tomcat.deploy(war, "/shop");
      drive(tomcat, 8);
      Map<String, Map<String, String>> pools = pools(tomcat);
      Scrape s = scrape(metricsPort);
      String catalog = pools.get("catalog").get("name");
      Set<String> expected = new TreeSet<>(List.of(ORDERS_POOL, catalog));
      assertThat(poolLabels(s)).as("redeploy %d:%n%s", i, s.text()).isEqualTo(expected);
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(2.0);
      // a fresh series: the borrows of this deployment only
      assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", catalog))
          .isEqualTo(8.0);
      assertPool(s, ORDERS_POOL, pools.get("orders"));
      System.out.printf("TomcatIT redeploy %d: pools %s, pools_tracked 2%n", i, expected);
    }
  }

  @Test
  @Order(4)
  void attachingToARunningTomcatCountsFromTheAttach() throws Exception {
    try (StandaloneTomcat plain = unpackTomcat(dir.resolve("attach"))) {
      if (Jdk.feature() >= 21) {
        // JDK 21 and later warn about an agent loaded into a running JVM unless it allows them.
        plain.setenv("CATALINA_OPTS=\"$CATALINA_OPTS -XX:+EnableDynamicAgentLoading\"");
      }
      plain.start();
      plain.deploy(war, "/shop");
      drive(plain, 12); // before the attach: counted by nobody
      assertThat(plain.consoleText()).doesNotContain("serving metrics on");

      int port = StandaloneTomcat.freePort();
      attach(plain.pid(), "port=" + port + ",host=127.0.0.1");
      plain.awaitConsole("serving metrics on");

      Scrape after = driveAndCheckCounts(plain, port);
      Map<String, Map<String, String>> pools = pools(plain);
      assertPool(after, pools.get("catalog").get("name"), pools.get("catalog"), REQUESTS);
      assertPool(after, ORDERS_POOL, pools.get("orders"), REQUESTS);
    }
  }

  /** {@link #REQUESTS} orders, counted by the agent on {@code port} and by the servers. */
  private Scrape driveAndCheckCounts(StandaloneTomcat target, int port) throws Exception {
    Scrape before = scrape(port);
    ServerCounts truthBefore = ServerCounts.startWindow(truthDb, truthRedis);
    int deletes = drive(target, REQUESTS);
    Scrape after = scrape(port);
    ServerCounts truth = ServerCounts.read(truthDb, truthRedis);
    assertCounts(before, after, truthBefore, truth, REQUESTS, deletes);
    return after;
  }

  /**
   * The agent's counts over a window against the servers' own: per statement and table as the
   * workload made them, and in total as MariaDB counted them; per Redis command, hit and miss.
   */
  private static void assertCounts(
      Scrape before, Scrape after, ServerCounts truthBefore, ServerCounts truth, int requests,
      int deletes) {
    Map<String, Double> queries = delta(before, after, "db_queries_total");
    double n = requests;
    assertThat(queries)
        .as(after.text())
        .isEqualTo(
            Map.of(
                "INSERT orders", n, "SELECT orders", n, "UPDATE orders", n,
                "DELETE orders", (double) deletes, "SELECT catalog", n, "UPDATE catalog", n));

    // MariaDB's view. What the driver sends on its own is not counted by the agent, and none of
    // it is a SELECT, INSERT, UPDATE or DELETE here, so those four are equal with nothing to
    // subtract: Com_admin_commands is the COM_PING of Connection.isValid, which Tomcat's DBCP
    // calls on every borrow (testOnBorrow without a validationQuery); Com_set_option is the
    // driver's session set-up on each new connection; Com_show_status is this test reading.
    Map<String, Long> moved = truth.movedSince(truthBefore);
    for (String kind : new String[] {"select", "insert", "update", "delete"}) {
      assertThat(truth.statementsSince(truthBefore, kind))
          .as("Com_%s; all that moved: %s", kind, moved)
          .isEqualTo((long) sumByType(queries, kind.toUpperCase()));
    }
    assertThat(truth.statementsSince(truthBefore, "admin_commands"))
        .as("one validation ping per borrow from jdbc/orders")
        .isEqualTo(requests);

    Map<String, Double> ops = delta(before, after, "cache_operations_total");
    assertThat(ops)
        .as(after.text())
        .isEqualTo(
            Map.of(
                "set success", n, "get hit", n, "get miss", n, "mget hit", n, "mget miss", n,
                "del success", n));

    // Commands, not outcomes: an MGET of two keys is one command with a hit and a miss. Redis
    // also counts what the application did not issue: CLIENT (Jedis's set-up of each new
    // connection), INFO (the agent's memory poll, this test) and CONFIG (this test's reset).
    Map<String, Double> perCommand =
        delta(before, after, "cache_operation_duration_seconds_count");
    assertThat(perCommand.keySet()).containsExactlyInAnyOrder("set", "get", "mget", "del");
    perCommand.forEach(
        (command, calls) ->
            assertThat(truth.commands.get(command))
                .as("cmdstat_%s; all: %s", command, truth.commands)
                .isEqualTo(calls.longValue()));
    assertThat(truth.keyspaceHits).isEqualTo((long) sumByResult(ops, "hit"));
    assertThat(truth.keyspaceMisses).isEqualTo((long) sumByResult(ops, "miss"));

    System.out.printf(
        "TomcatIT truth: MariaDB moved %s; agent queries %s; Redis commandstats %s,"
            + " keyspace_hits %d, keyspace_misses %d; agent cache operations %s%n",
        moved, queries, truth.commands, truth.keyspaceHits, truth.keyspaceMisses, ops);
  }

  /** Every gauge of {@code pool} equals the pool's own figure; acquires equal the borrows. */
  private static void assertPool(Scrape s, String pool, Map<String, String> own) {
    assertPool(s, pool, own, Long.parseLong(own.get("borrows")));
  }

  private static void assertPool(Scrape s, String pool, Map<String, String> own, long acquires) {
    assertThat(own).as("the pool's own figures").isNotNull();
    for (String gauge : new String[] {"size", "available", "active", "max", "pending"}) {
      // DBCP does not publish its waiters; at rest there are none
      double expected = Double.parseDouble(own.getOrDefault(gauge, "0"));
      assertThat(s.value("db_connection_pool_" + gauge, "pool", pool))
          .as("db_connection_pool_%s{pool=%s}; the pool says %s%n%s", gauge, pool, own, s.text())
          .isEqualTo(expected);
    }
    assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", pool))
        .as("acquires of %s", pool)
        .isEqualTo((double) acquires);
    System.out.printf(
        "TomcatIT pool %s: %s; agent acquire count %.0f%n",
        pool, own, s.value("db_connection_acquire_duration_seconds_count", "pool", pool));
  }

  /** {@code requests} orders from {@link #CLIENTS} threads; returns how many deleted theirs. */
  private int drive(StandaloneTomcat target, int requests) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      int deletes = 0;
      for (int i = 0; i < requests; i++) {
        int id = nextOrder.getAndIncrement();
        deletes += id % 2 == 0 ? 1 : 0;
        done.add(clients.submit(() -> target.get("/shop/order?id=" + id)));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      return deletes;
    } finally {
      clients.shutdownNow();
    }
  }

  private void order(int id) throws IOException {
    tomcat.get("/shop/order?id=" + id);
    nextOrder.set(id + 1);
  }

  /** ShopServlet's /pools: per pool, what it says of itself (name, size, ..., borrows). */
  private static Map<String, Map<String, String>> pools(StandaloneTomcat target)
      throws IOException {
    Map<String, Map<String, String>> pools = new HashMap<>();
    for (String line : target.get("/shop/pools").split("\n")) {
      String[] words = line.trim().split("\t");
      Map<String, String> figures = new HashMap<>();
      for (int i = 1; i < words.length; i++) {
        figures.put(words[i].substring(0, words[i].indexOf('=')),
            words[i].substring(words[i].indexOf('=') + 1));
      }
      pools.put(words[0], figures);
    }
    return pools;
  }

  private static final Pattern POOL_LABEL =
      Pattern.compile("^db_connection_pool_size\\{pool=\"([^\"]*)\"\\}", Pattern.MULTILINE);

  private static Set<String> poolLabels(Scrape s) {
    Set<String> pools = new TreeSet<>();
    Matcher m = POOL_LABEL.matcher(s.text());
    while (m.find()) {
      pools.add(m.group(1));
    }
    return pools;
  }

  private static final Pattern SAMPLE =
      Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
  private static final Pattern LABEL_VALUE = Pattern.compile("\\w+=\"([^\"]*)\"");

  /**
   * The samples of {@code name} that moved between two scrapes, keyed by their label values
   * ("SELECT orders", "get hit").
   */
  private static Map<String, Double> delta(Scrape before, Scrape after, String name) {
    Map<String, Double> start = samples(before, name);
    Map<String, Double> moved = new HashMap<>();
    samples(after, name)
        .forEach(
            (k, v) -> {
              double d = v - start.getOrDefault(k, 0.0);
              if (d != 0) {
                moved.put(k, d);
              }
            });
    return moved;
  }

  private static Map<String, Double> samples(Scrape s, String name) {
    Map<String, Double> out = new HashMap<>();
    Matcher m = SAMPLE.matcher(s.text());
    while (m.find()) {
      if (m.group(1).equals(name)) {
        StringBuilder key = new StringBuilder();
        Matcher label = LABEL_VALUE.matcher(m.group(2));
        while (label.find()) {
          key.append(key.length() == 0 ? "" : " ").append(label.group(1));
        }
        out.put(key.toString(), Double.parseDouble(m.group(3)));
      }
    }
    return out;
  }

  private static double sumByType(Map<String, Double> queries, String type) {
    return queries.entrySet().stream()
        .filter(e -> e.getKey().startsWith(type + " "))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static double sumByResult(Map<String, Double> ops, String result) {
    return ops.entrySet().stream()
        .filter(e -> e.getKey().endsWith(" " + result))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static Scrape scrape(int port) throws IOException {
    return Scrape.of("127.0.0.1", port);
  }

  /** The agent jar's attach command, run on the JDK under test as deploy.md says. */
  private static void attach(long pid, String arguments) throws Exception {
    Process attach =
        new ProcessBuilder(
                Jdk.java().toString(), "-jar", Artifacts.agentJar().toString(),
                "attach", Long.toString(pid), arguments)
            .redirectErrorStream(true)
            .start();
    assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(attach.exitValue()).as(out).isEqualTo(0);
    assertThat(out).contains("attached to process " + pid);
  }

  /** Unpacks this JDK's Tomcat line and puts the MariaDB driver in its lib/, as a JNDI pool needs. */
  private static StandaloneTomcat unpackTomcat(Path into) throws IOException {
    Files.createDirectories(into);
    StandaloneTomcat t = StandaloneTomcat.unpack(distribution(), into);
    for (Path jar : Artifacts.libs("tomcat-lib")) {
      Files.copy(jar, t.home().resolve("lib").resolve(jar.getFileName()));
    }
    return t;
  }

  private static Path distribution() throws IOException {
    Path folder = Paths.get(System.getProperty("it.libs.dir"), "tomcat-dist");
    String prefix = "tomcat-" + tomcatLine(Jdk.feature()) + ".";
    try (DirectoryStream<Path> zips = Files.newDirectoryStream(folder, prefix + "*.zip")) {
      for (Path zip : zips) {
        return zip;
      }
    }
    throw new IllegalStateException("no " + prefix + "*.zip in " + folder);
  }

  private static String tomcatVersion() throws IOException {
    String zip = distribution().getFileName().toString();
    return zip.substring("tomcat-".length(), zip.length() - ".zip".length());
  }
}
