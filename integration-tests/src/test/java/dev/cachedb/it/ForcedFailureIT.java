package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.apps.HostSafetyApp;
import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Scrape;
import dev.cachedb.it.harness.TestAgent;
import dev.cachedb.it.servers.WithRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An exception thrown inside the agent's recording path never reaches the application. The test
 * agent ({@code testagent/FailingSinksAgent}, mode {@code failRecording}) makes every call into
 * the cache, JDBC and pool sinks throw (after recording) behind the real advice and hooks; the
 * application's output must then be exactly what it is without any agent, and every suppressed
 * throwable is counted per module and logged once.
 */
class ForcedFailureIT {
  private static final String[] LIBS = {
    "jedis-5.2.0", "lettuce-6.8.2.RELEASE", "jdbc-h2", "jdbc-hikaricp"
  };
  private static final String ADVICE_ERRORS = "cachedb_agent_advice_errors_total";
  @RegisterExtension static final WithRedis redis = WithRedis.plain();

  @Test
  void throwingRecordersLeaveEveryCallItsNormalResult() throws Exception {
    String withoutAgent;
    try (AppProcess app = app().start()) {
      app.awaitStdout("done");
      withoutAgent = app.stdout();
    }
    assertThat(withoutAgent)
        .contains("jedis get value-plain", "lettuce get lettuce-value-plain", "jdbc count 2",
            "jdbc batch [1, 1]", "direct count 2", "agentFrames=0");

    try (AppProcess app =
        app()
            .agent("port=0,host=127.0.0.1,jdbc.slow_query_threshold=200ms")
            .laterAgent(TestAgent.jar(), "failRecording")
            .start()) {
      app.awaitStdout("done");
      Scrape s = app.scrape();
      assertThat(app.stdout()).as(app.dump()).isEqualTo(withoutAgent);
      List<String> notAgent =
          app.stderr().lines()
              .filter(l -> !l.startsWith("[cachedb-agent]"))
              .filter(l -> !l.startsWith("[cachedb-test-agent]"))
              // the libraries' own SLF4J notice, and the JVM's (CDS off with a bootstrap jar; JDK 25
              // on the libraries' use of sun.misc.Unsafe): not exceptions, and there without the switch
              .filter(l -> !l.startsWith("SLF4J") && !l.contains("Sharing is only supported"))
              .filter(l -> !l.startsWith("WARNING: ") || l.contains("Exception"))
              .toList();
      assertThat(notAgent).as(app.dump()).isEmpty();
      // No JVM warning names the agent's own classes (JDK 24+ name the caller of sun.misc.Unsafe;
      // the shaded Byte Buddy's Nexus was one until it was switched off).
      assertThat(app.stderr()).as(app.dump()).doesNotContain("dev.cachedb.agent.shaded");
      // The one line per module that names the advice and the class of what it threw (below) is
      // the only place an exception's name may appear; no message, no stack trace.
      List<String> adviceErrors = app.stderr().lines()
          .filter(l -> l.startsWith("[cachedb-agent] WARN advice ")).toList();
      assertThat(app.stderr().lines().filter(l -> !adviceErrors.contains(l)).toList())
          .as(app.dump()).noneMatch(l -> l.contains("Exception") || l.contains("\tat "));
      assertThat(app.stderr())
          .contains("[cachedb-test-agent] failing sinks installed: every recording call throws");

      // The recorders ran before they threw, so the numbers are still exact.
      assertThat(s.value("cache_operations_total", "operation", "get", "result", "hit")).isEqualTo(4.0);
      assertThat(s.value("cache_operations_total", "operation", "get", "result", "miss")).isEqualTo(2.0);
      assertThat(s.value("cache_operations_total", "operation", "set", "result", "success"))
          .isEqualTo(3.0);
      assertThat(s.value("cache_operations_total", "operation", "mget", "result", "hit")).isEqualTo(1.0);
      assertThat(s.value("cache_operations_total", "operation", "del", "result", "success"))
          .isEqualTo(1.0);
      assertThat(s.value("db_queries_total", "query_type", "INSERT", "table", "items")).isEqualTo(2.0);
      assertThat(s.value("db_queries_total", "query_type", "SELECT", "table", "items")).isEqualTo(4.0);
      assertThat(s.value("db_query_errors_total", "query_type", "SELECT", "table", "missing_table"))
          .isEqualTo(1.0);
      // At least the deliberately slow one; on a loaded machine another SELECT may pass 200 ms.
      assertThat(s.value("db_slow_queries_total", "query_type", "SELECT", "table", "items"))
          .isGreaterThanOrEqualTo(1.0);
      assertThat(s.value("cachedb_agent_pools_tracked")).isEqualTo(0.0);

      // Every sink call that threw was suppressed in the advice that made it, and counted for
      // that advice's module: one per hook call, so these are exact. Jedis: 7 commands sent and
      // replied to, the 2 CLIENT SETINFO of connecting sent and replied to, the connect and the
      // disconnect (7 * 2 + 2 * 2 + 2); Lettuce: 4 commands dispatched, given a value and
      // completed, the connect, and the 17 values and completions of the connection's handshake
      // (4 * 3 + 1 + 17); Hikari: the pool opened and closed, 3 connections borrowed and returned;
      // JDBC: 9 executions and 2 prepareStatement calls; the JedisPool: opened by each of the 5
      // constructors its this(...) chain runs on Jedis 5.2 (the recorder keeps the first), one
      // borrow and its return, closed.
      assertThat(s.value(ADVICE_ERRORS, "module", "jedis-4.0")).isEqualTo(20.0);
      assertThat(s.value(ADVICE_ERRORS, "module", "lettuce-5.0")).isEqualTo(30.0);
      assertThat(s.value(ADVICE_ERRORS, "module", "hikaricp-2.7")).isEqualTo(8.0);
      assertThat(s.value(ADVICE_ERRORS, "module", "jdbc")).isEqualTo(11.0);
      assertThat(s.value(ADVICE_ERRORS, "module", "jedis-pool-4.0")).isEqualTo(8.0);
      assertThat(s.value(ADVICE_ERRORS, "module", "jedis-2.9")).isEqualTo(0.0);
      assertThat(s.value(ADVICE_ERRORS, "module", "unknown")).isEqualTo(0.0);
      // Logged once per module: the first error's advice and the class of what it threw.
      assertThat(adviceErrors).as(app.dump()).hasSize(5).allMatch(
          l -> l.contains(" threw java.lang.IllegalStateException; the application's call went"
              + " on without it"));
      for (String module :
          new String[] {"jedis-4.0", "jedis-pool-4.0", "lettuce-5.0", "hikaricp-2.7", "jdbc"}) {
        assertThat(adviceErrors).as(module)
            .filteredOn(l -> l.contains(" of module " + module + " threw ")).hasSize(1);
      }
    }
  }

  /**
   * After an attach, advice is woven by Byte Buddy's agent builder: a throwable the advice
   * suppresses is counted and logged once there too. The test agent (loaded at start, waiting for the attach) makes
   * every recorder throw;
   * the JDBC workload keeps executing statements, so the count only grows.
   */
  @Test
  void adviceErrorsAfterAnAttachAreCountedAndLoggedOnce() throws Exception {
    try (AppProcess app =
        AppProcess.testApp()
            .jvmOption("-XX:+EnableDynamicAgentLoading")
            .laterAgent(TestAgent.jar(), "failRecording")
            .args("--seconds=120")
            .start()) {
      app.awaitStdout("test-app: workload ready");
      AttachIT.attach(app);

      Scrape s = Scrape.until(app.metricsPort(),
          x -> x.value("cachedb_agent_advice_errors_total", "module", "jdbc") >= 10, 30_000);
      assertThat(s.value("cachedb_agent_advice_errors_total", "module", "jdbc"))
          .as(app.dump()).isGreaterThanOrEqualTo(10.0);
      assertThat(app.stderr().lines()
              .filter(l -> l.startsWith("[cachedb-agent] WARN advice ")
                  && l.contains(" of module jdbc threw java.lang.IllegalStateException"))
              .count())
          .as(app.dump()).isEqualTo(1);
      assertThat(app.isAlive()).isTrue();
    }
  }

  private static AppProcess.Builder app() {
    return AppProcess.testMain(HostSafetyApp.class, LIBS)
        .args(String.valueOf(redis.server().port()), "-", "jdbc:h2:mem:forced;DB_CLOSE_DELAY=-1", "sa", "",
            "plain", "500");
  }
}
