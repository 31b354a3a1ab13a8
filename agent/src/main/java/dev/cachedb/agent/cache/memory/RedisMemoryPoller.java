package dev.cachedb.agent.cache.memory;

import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls {@code INFO memory} and {@code INFO stats} of every Redis server the application talks
 * to, as a task on the agent's one background thread ({@link AgentLoop}, which also serves
 * /metrics), each on its own short connection with the credentials the application's client used.
 * A read never blocks that thread ({@link RedisPoll}): scrapes are served while it waits, and a
 * whole read has {@value #TIMEOUT_MS} ms, however the server dribbles its answer. Without an
 * endpoint (port taken) the thread still runs and the poll still feeds the registry. The first
 * read comes {@value #FIRST_POLL_DELAY_MS} ms after a server is first seen (time for the client's
 * AUTH to be noted), then every interval. A failed poll is counted and retried after 1 s, 2 s, 4 s
 * ... up to the larger of the interval and one minute; it never reaches the application. Each
 * server's series keep the last read's values until a read succeeds again; the server's own view
 * from the same read ({@code maxmemory}, keyspace hits and misses, evictions, expirations) is
 * exported by {@link RedisServerCollector}.
 *
 * <pre>
 * # TYPE cache_memory_usage_bytes gauge
 * cache_memory_usage_bytes{server="127.0.0.1:6379"} 1032456.0
 * # TYPE cachedb_agent_redis_memory_poll_errors_total counter
 * cachedb_agent_redis_memory_poll_errors_total{server="127.0.0.1:6379"} 0.0
 * </pre>
 */
public final class RedisMemoryPoller
    implements CacheRecorder.ServerListener, AgentLoop.Task, RedisPoll.Outcome {
  static final long FIRST_POLL_DELAY_MS = 500;
  static final int TIMEOUT_MS = 1000;
  /** Bounded: a process talks to a handful of servers; past this, new ones are not polled. */
  private static final int MAX_SERVERS = 256;

  private final ConcurrentHashMap<String, RedisServer> servers = new ConcurrentHashMap<>();
  private final Gauge memory;
  private final Counter errors;
  private final long intervalMillis;
  private final AgentLoop loop;

  public RedisMemoryPoller(PrometheusRegistry registry, long intervalMillis, AgentLoop loop) {
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
            .help("Failed reads of INFO memory and stats, by server; retried with back-off")
            .labelNames("server")
            .register(registry);
    RedisServerCollector.register(registry, servers.values());
    this.loop = loop;
    // Scheduled now, on the agent's start-up thread, which so starts the loop thread if nothing
    // did: a thread created on an application's request thread would keep that application's
    // class loader alive (ClassLoaderIsolationIT).
    loop.schedule(this);
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
        if (password != null) {
          s.credentials(user, password);
        }
        loop.schedule(this); // runs the task now: it then asks to run when the new server is due
        return;
      }
    }
    if (password != null) {
      s.credentials(user, password); // a known server: read at its next poll, no wake-up needed
    }
  }

  /** Starts the reads that are due and fails those past their deadline; returns when next due. */
  @Override
  public long run(long now) {
    long next = now + intervalMillis;
    for (RedisServer s : servers.values()) {
      if (s.poll != null && s.poll.expire(now)) {
        s.poll = null;
      }
      if (s.poll == null && s.due <= now) {
        RedisPoll poll = RedisPoll.start(loop.selector(), s, now + TIMEOUT_MS, this);
        s.poll = poll.expire(now) ? null : poll; // null: it failed at once, and was told so
      }
      next = Math.min(next, s.poll != null ? s.poll.deadline : s.due);
    }
    return next;
  }

  /** The outcome of one read, on the loop thread. */
  @Override
  public void polled(RedisServer s, RedisInfo info, Exception failure) {
    long now = System.currentTimeMillis();
    if (failure == null) {
      s.last = info; // first: a scrape that sees the memory gauge sees the server view too
      memory.labelValues(s.key).set(info.usedMemory);
      s.failures = 0;
      s.due = now + intervalMillis;
      return;
    }
    errors.labelValues(s.key).inc();
    s.failures++;
    long backoff = 1000L << Math.min(s.failures - 1, 16);
    s.due = now + Math.min(backoff, Math.max(intervalMillis, 60_000));
    if (s.failures == 1) {
      AgentLog.debug(
          "cannot read INFO of " + s.key + " (" + failure.getClass().getSimpleName()
              + "); retrying with back-off");
    }
  }
}
