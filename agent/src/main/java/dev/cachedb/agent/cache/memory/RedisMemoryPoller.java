package dev.cachedb.agent.cache.memory;

import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.log.AgentLog;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls {@code INFO memory} of every Redis server the application talks to, from one daemon
 * thread ({@value #THREAD_NAME}) started with the agent, each on its own short
 * connection with the credentials the application's client used. The first read comes
 * {@value #FIRST_POLL_DELAY_MS} ms after a server is first seen (time for the client's AUTH to be
 * noted), then every interval. A failed poll is counted and retried after 1 s, 2 s, 4 s ... up to
 * the larger of the interval and one minute; it never reaches the application.
 *
 * <pre>
 * # TYPE cache_memory_usage_bytes gauge
 * cache_memory_usage_bytes{server="127.0.0.1:6379"} 1032456.0
 * # TYPE cachedb_agent_redis_memory_poll_errors_total counter
 * cachedb_agent_redis_memory_poll_errors_total{server="127.0.0.1:6379"} 0.0
 * </pre>
 */
public final class RedisMemoryPoller implements CacheRecorder.ServerListener, Runnable {
  static final String THREAD_NAME = "cachedb-agent-redis-memory";
  static final long FIRST_POLL_DELAY_MS = 500;
  private static final int TIMEOUT_MS = 2000;
  /** Bounded: a process talks to a handful of servers; past this, new ones are not polled. */
  private static final int MAX_SERVERS = 256;

  private final ConcurrentHashMap<String, RedisServer> servers = new ConcurrentHashMap<>();
  private final Gauge memory;
  private final Counter errors;
  private final long intervalMillis;
  private final Thread thread;

  public RedisMemoryPoller(PrometheusRegistry registry, long intervalMillis) {
    this.intervalMillis = Math.max(100, intervalMillis);
    memory =
        Gauge.builder()
            .withoutExemplars()
            .name("cache_memory_usage_bytes")
            .help("used_memory from INFO memory of each Redis server the application talks to")
            .labelNames("server")
            .register(registry);
    errors =
        Counter.builder()
            .withoutExemplars()
            .name("cachedb_agent_redis_memory_poll_errors_total")
            .help("Failed reads of INFO memory, by server; retried with back-off")
            .labelNames("server")
            .register(registry);
    // Started now, on the agent's start-up thread, and not on the first application thread that
    // talks to Redis: a new thread keeps its creator's access-control context (JDK 8 to 23: the
    // protection domains, and so the class loaders, of every class on the creator's stack) and
    // copies its inheritable thread locals. Created from a web application's request, it kept
    // that application's class loader alive forever (ClassLoaderIsolationIT). It sleeps until a
    // server is seen.
    thread = new Thread(this, THREAD_NAME);
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
    thread.start();
  }

  @Override
  public void server(String host, int port, String user, char[] password) {
    String key = host + ":" + port;
    RedisServer s = servers.get(key);
    if (s == null) {
      if (servers.size() >= MAX_SERVERS) {
        return;
      }
      RedisServer fresh = new RedisServer(host, port, System.currentTimeMillis() + FIRST_POLL_DELAY_MS);
      s = servers.putIfAbsent(key, fresh);
      if (s == null) {
        s = fresh;
        errors.labelValues(key); // exported as 0 from the start
      }
    }
    if (password != null) {
      s.credentials(user, password);
    }
    wake();
  }

  private void wake() {
    LockSupport.unpark(thread);
  }

  @Override
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.currentTimeMillis();
      long next = now + intervalMillis;
      for (RedisServer s : servers.values()) {
        if (s.due <= now) {
          poll(s, now);
        }
        next = Math.min(next, s.due);
      }
      long wait = next - System.currentTimeMillis();
      if (wait > 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait));
      }
    }
  }

  private void poll(RedisServer s, long now) {
    try {
      RedisServer.Credentials c = s.credentials();
      long used =
          RedisInfoClient.usedMemory(
              s.host, s.port, c == null ? null : c.user, c == null ? null : c.password, TIMEOUT_MS);
      memory.labelValues(s.key).set(used);
      s.failures = 0;
      s.due = now + intervalMillis;
    } catch (Exception | LinkageError e) {
      errors.labelValues(s.key).inc();
      s.failures++;
      long backoff = 1000L << Math.min(s.failures - 1, 16);
      s.due = System.currentTimeMillis() + Math.min(backoff, Math.max(intervalMillis, 60_000));
      if (s.failures == 1) {
        AgentLog.debug(
            "cannot read INFO memory of " + s.key + " (" + e.getClass().getSimpleName()
                + "); retrying with back-off");
      }
    }
  }
}
