package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Jdk;
import dev.cachedb.it.harness.Scrape;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code java -javaagent:cachedb-agent.jar -jar cachedb-test-app.jar} serves the same metric
 * families, with every module active and nothing refused, on each JDK the suite runs on: the
 * quick start's promise holds on JDK 8 (test-app bundles only Java 8 builds) as on 25. The list is
 * exact, so a family that one JDK lacks, or one a change adds, fails here.
 */
class TestAppMetricFamiliesIT {
  private static final List<String> FAMILIES = List.of(
      "cache_hit_rate gauge",
      "cache_key_prefix_reads_total counter",
      "cache_memory_max_bytes gauge",
      "cache_memory_usage_bytes gauge",
      "cache_operation_duration_seconds histogram",
      "cache_operations_total counter",
      "cache_server_evicted_keys_total counter",
      "cache_server_expired_keys_total counter",
      "cache_server_keyspace_hits_total counter",
      "cache_server_keyspace_misses_total counter",
      "cachedb_agent_advice_errors_total counter",
      "cachedb_agent_info gauge",
      "cachedb_agent_instrumentation_info gauge",
      "cachedb_agent_pools_tracked gauge",
      "cachedb_agent_redis_memory_poll_errors_total counter",
      "cachedb_agent_transform_errors_total counter",
      "db_connection_acquire_duration_seconds histogram",
      "db_connection_acquire_errors_total counter",
      "db_connection_pool_active gauge",
      "db_connection_pool_available gauge",
      "db_connection_pool_max gauge",
      "db_connection_pool_pending gauge",
      "db_connection_pool_size gauge",
      "db_connection_usage_duration_seconds histogram",
      "db_queries_total counter",
      "db_query_duration_seconds histogram",
      "db_query_errors_total counter",
      "db_slow_queries_total counter",
      "jvm_buffer_pool_capacity_bytes gauge",
      "jvm_buffer_pool_used_buffers gauge",
      "jvm_buffer_pool_used_bytes gauge",
      "jvm_classes_currently_loaded gauge",
      "jvm_classes_loaded_total counter",
      "jvm_classes_unloaded_total counter",
      "jvm_compilation_time_seconds_total counter",
      "jvm_gc_collection_seconds summary",
      "jvm_memory_committed_bytes gauge",
      "jvm_memory_init_bytes gauge",
      "jvm_memory_max_bytes gauge",
      "jvm_memory_objects_pending_finalization gauge",
      "jvm_memory_pool_collection_committed_bytes gauge",
      "jvm_memory_pool_collection_init_bytes gauge",
      "jvm_memory_pool_collection_max_bytes gauge",
      "jvm_memory_pool_collection_used_bytes gauge",
      "jvm_memory_pool_committed_bytes gauge",
      "jvm_memory_pool_init_bytes gauge",
      "jvm_memory_pool_max_bytes gauge",
      "jvm_memory_pool_used_bytes gauge",
      "jvm_memory_used_bytes gauge",
      "jvm_runtime_info gauge",
      "jvm_threads_current gauge",
      "jvm_threads_daemon gauge",
      "jvm_threads_deadlocked gauge",
      "jvm_threads_deadlocked_monitor gauge",
      "jvm_threads_peak gauge",
      "jvm_threads_started_total counter",
      "jvm_threads_state gauge",
      "process_cpu_seconds_total counter",
      "process_max_fds gauge",
      "process_open_fds gauge",
      "process_resident_memory_bytes gauge",
      "process_start_time_seconds gauge",
      "process_virtual_memory_bytes gauge");

  // test-app's libraries, one module each (HikariCP 4.0.3, DBCP2 2.1.1...: its Java 8 builds;
  // jcache-1.0 for the cache-api its --app-cache workload uses, active whether or not it runs;
  // the Redis clients' pool modules, active where the client and commons-pool2 are).
  private static final List<String> MODULES = List.of(
      "c3p0-0.9.5", "dbcp-1.4", "dbcp2-2.1", "hikaricp-2.7", "jcache-1.0", "jdbc", "jedis-4.0",
      "jedis-pool-4.0", "lettuce-5.0", "lettuce-pool-5.0", "tomcat-jdbc-8.5");

  @Test
  void sameFamiliesAndModulesOnEveryJdk() throws Exception {
    try (AppProcess app =
        AppProcess.testApp()
            .agent("port=0,host=127.0.0.1")
            .args("--rounds=3", "--interval-ms=0", "--linger")
            .start()) {
      app.awaitStdout("test-app: lingering");
      // Redis memory comes from a poll in the background, not from the workload: its first answer
      // may come after the workload is done (it did on JDK 8), so wait for it, within a bound.
      Scrape s = app.scrape();
      for (long deadline = System.nanoTime() + 20_000_000_000L;
          !s.text().contains("# TYPE cache_memory_usage_bytes ") && System.nanoTime() < deadline; ) {
        Thread.sleep(200);
        s = app.scrape();
      }
      String why = "JDK " + Jdk.feature() + "\n" + app.dump();

      List<String> families = s.text().lines()
          .filter(l -> l.startsWith("# TYPE "))
          .map(l -> l.substring("# TYPE ".length()))
          .sorted()
          .collect(Collectors.toList());
      assertThat(families).as(why).containsExactlyElementsOf(FAMILIES);

      for (String module : MODULES) {
        assertThat(s.keysStartingWith(
                "cachedb_agent_instrumentation_info{module=\"" + module + "\",state=\"active\""))
            .as(module + "\n" + why).hasSize(1);
      }
      assertThat(s.keysStartingWith("cachedb_agent_instrumentation_info")).as(why)
          .hasSize(MODULES.size());
      assertThat(s.value("cachedb_agent_transform_errors_total")).as(why).isEqualTo(0.0);
      assertThat(s.value("db_queries_total", "query_type", "SELECT", "table", "orders")).as(why)
          .isEqualTo(3.0);
    }
  }
}
