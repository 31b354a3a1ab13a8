package dev.cachedb.agent.instrumentation.jedis;

import dev.cachedb.agent.instrumentation.Library;

/** Jedis, for both of its modules: 2.9 to 3.x and 4.0 to 8.x. */
public final class JedisLibrary {
  /** {@code Jedis} is in every version; 9.x and later are refused until checked and supported. */
  public static final Library JEDIS =
      new Library("jedis", "redis.clients", "jedis", "redis/clients/jedis/Jedis.class", 8);

  private JedisLibrary() {}
}
