package dev.cachedb.it.tomcat;

import static dev.cachedb.it.tomcat.AgentVersusTruth.ORDERS_POOL;
import static dev.cachedb.it.tomcat.AgentVersusTruth.assertPool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.Artifacts;
import dev.cachedb.it.harness.Jdk;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.servers.MariaDbServer;
import dev.cachedb.it.servers.WithRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * Jedis in {@code WEB-INF/lib} (its JedisPool the third pool), the MariaDB driver in Tomcat's
 * {@code lib/}, the agent added in {@code bin/setenv.sh} as docs/deploy.md says. Every count is
 * held against what MariaDB and Redis counted themselves ({@link ServerCounts}) and every pool
 * gauge against what the pool says of itself ({@code ShopServlet}'s /pools), by {@link
 * AgentVersusTruth}. The Tomcat line follows the JDK ({@link TomcatDistribution#lineFor}). The
 * tests share one Tomcat and run in order: counts, gauges, redeploys; the attach test starts a
 * second Tomcat without the agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class TomcatIT {
  private static final int REQUESTS = 120;
  private static final int CLIENTS = 4;
  private static final int REDEPLOYS = 3;

  @RegisterExtension static final WithRedis redisServer = WithRedis.plain();
  @TempDir static Path dir;

  private final AtomicInteger nextOrder = new AtomicInteger(1);
  private MariaDbServer mariaDb;
  private Connection truthDb;
  private Jedis truthRedis;
  private TomcatDistribution distribution;
  private StandaloneTomcat tomcat;
  private int metricsPort;
  private Path war;

  @BeforeAll
  void startTomcatWithTheAgent() throws Exception {
    mariaDb = MariaDbServer.start("--performance-schema=ON");
    truthDb = DriverManager.getConnection(mariaDb.jdbcUrl("shop"), mariaDb.user(), "");
    try (Statement s = truthDb.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, item INT, total INT)");
      s.execute("CREATE TABLE catalog (item INT PRIMARY KEY, price INT, sold INT)");
      s.execute("INSERT INTO catalog VALUES (0, 10, 0), (1, 20, 0), (2, 30, 0)");
    }
    // The driver in Tomcat's lib/ is a 3.x one, which talks to the server without TLS.
    String tomcatJdbcUrl = "jdbc:mariadb://127.0.0.1:" + mariaDb.port() + "/shop";
    truthRedis = new Jedis(redisServer.server().host(), redisServer.server().port());

    distribution = TomcatDistribution.forJdk(Jdk.feature());
    tomcat = distribution.unpack(dir.resolve("with-agent"));
    metricsPort = StandaloneTomcat.freePort();
    tomcat.setenv(
        "CATALINA_OPTS=\"$CATALINA_OPTS -javaagent:" + Artifacts.agentJar() + "=port="
            + metricsPort + "\"");
    tomcat.start();
    assertThat(tomcat.consoleText()).contains("serving metrics on");
    war = ShopWar.build(tomcat.home(), tomcatJdbcUrl, redisServer.server().host(),
        redisServer.server().port(), dir.resolve("war"));
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
    // Deployed inside the window, so that the pools' first connections are made in it and the
    // statements the driver sends on its own for them are among what MariaDB counts.
    long driverSelects =
        driveAndCheckCounts(tomcat, metricsPort, 1, () -> tomcat.deploy(war, "/shop"));
    assertThat(driverSelects).as("the driver's own statements were in the window").isPositive();
    System.out.printf(
        "TomcatIT counts: JDK %d, Tomcat %s, %d requests in %d ms%n",
        Jdk.feature(), distribution.version(), REQUESTS,
        (System.nanoTime() - started) / 1_000_000);
  }

  @Test
  @Order(2)
  void everyPoolShowsWhatThePoolSaysOfItself() throws Exception {
    Map<String, Map<String, String>> pools = pools(tomcat);
    Scrape s = scrape(metricsPort);
    assertPool(s, ORDERS_POOL, pools.get("orders"));
    assertPool(s, pools.get("catalog").get("name"), pools.get("catalog"));
    // the servlet's JedisPool, borrowed once per order, named after its client and server
    assertThat(pools.get("redis").get("borrows")).isEqualTo(Integer.toString(REQUESTS));
    assertPool(s, redisPool(), pools.get("redis"));
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
      Set<String> expected = new TreeSet<>(List.of(ORDERS_POOL, catalog, redisPool()));
      assertThat(MetricDeltas.poolLabels(s))
          .as("redeploy %d:%n%s", i, s.text())
          .isEqualTo(expected);
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(3.0);
      // a fresh series: the borrows of this deployment only
      assertThat(s.value("db_connection_acquire_duration_seconds_count", "pool", catalog))
          .isEqualTo(8.0);
      assertPool(s, ORDERS_POOL, pools.get("orders"));
      // the undeployed servlet closed its JedisPool: the new one takes the name, from 0
      assertPool(s, redisPool(), pools.get("redis"), 8);
      System.out.printf("TomcatIT redeploy %d: pools %s, pools_tracked 3%n", i, expected);
    }
  }

  @Test
  @Order(4)
  void attachingToARunningTomcatCountsFromTheAttach() throws Exception {
    try (StandaloneTomcat plain = distribution.unpack(dir.resolve("attach"))) {
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

      driveAndCheckCounts(plain, port, 0, () -> {});
      Scrape after = scrape(port);
      Map<String, Map<String, String>> pools = pools(plain);
      assertPool(after, pools.get("catalog").get("name"), pools.get("catalog"), REQUESTS);
      assertPool(after, ORDERS_POOL, pools.get("orders"), REQUESTS);
      // built before the attach, registered at its first borrow after it
      assertPool(after, redisPool(), pools.get("redis"), REQUESTS);
    }
  }

  /** The label of the servlet's JedisPool: its client and the server it connects to. */
  private String redisPool() {
    return "jedis-" + redisServer.server().host() + ":" + redisServer.server().port();
  }

  /**
   * {@code first} (which starts jdbc/orders {@code poolStarts} times), then {@link #REQUESTS}
   * orders, counted by the agent on {@code port} and by the servers; returns how many statements
   * the driver sent on its own.
   */
  private long driveAndCheckCounts(
      StandaloneTomcat target, int port, int poolStarts, Step first)
      throws Exception {
    Scrape before = scrape(port);
    ServerCounts truthBefore = ServerCounts.startWindow(truthDb, truthRedis);
    first.run();
    int deletes = drive(target, REQUESTS);
    Scrape after = scrape(port);
    ServerCounts truth = ServerCounts.read(truthDb, truthRedis);
    return AgentVersusTruth.assertCounts(
        before, after, truthBefore, truth, REQUESTS, deletes, poolStarts);
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

  /** Something done at the start of a counted window. */
  private interface Step {
    void run() throws Exception;
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
}
