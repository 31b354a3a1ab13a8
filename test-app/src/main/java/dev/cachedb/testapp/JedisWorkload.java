package dev.cachedb.testapp;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;

/**
 * A cache in front of a slow lookup, Jedis style: a {@link JedisPool} for single commands and a
 * pipeline for a batch. Every round issues the same commands, so after N rounds:
 *
 * <pre>
 * get   hit N*2, miss N      (present key, absent key; the pipeline's get hits)
 * mget  hit N*2, miss N      (two present keys and an absent one)
 * set   success N*2          (one direct, one in the pipeline)
 * del   success N
 * </pre>
 */
final class JedisWorkload implements Workload {
  private final String host;
  private final int port;
  private JedisPool pool;
  private int round;

  JedisWorkload(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public String name() {
    return "jedis";
  }

  @Override
  public void setUp() {
    pool = new JedisPool(host, port);
  }

  @Override
  public void runOnce() {
    String key = "testapp:jedis:" + (round++ % 100);
    try (Jedis jedis = pool.getResource()) {
      jedis.set(key, "value");
      jedis.get(key);
      jedis.get("testapp:jedis:absent");
      jedis.mget(key, key, "testapp:jedis:absent");
      Pipeline p = jedis.pipelined();
      p.set(key + ":p", "value");
      p.get(key + ":p");
      p.sync();
      jedis.del(key);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
