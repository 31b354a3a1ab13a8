package dev.cachedb.it.apps;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes this thread allocates for 100,000 Jedis GETs after a warm-up, so a test can
 * compare a JVM with the agent to one without. Half the GETs hit, half miss. Prints
 * {@code allocated <bytes> for <n> commands}. Usage: {@code host port}.
 */
public final class JedisAllocationApp {
  private static final int WARMUP = 50_000;
  private static final int MEASURED = 100_000;

  public static void main(String[] args) throws Exception {
    Object jedis = JedisWorkloadApp.construct("redis.clients.jedis.Jedis",
        new Class<?>[] {String.class, int.class}, args[0], Integer.parseInt(args[1]));
    JedisWorkloadApp.call(jedis, "set", "cdb-alloc-present", "cdb-alloc-value");
    java.lang.reflect.Method get = jedis.getClass().getMethod("get", String.class);
    String[] keys = {"cdb-alloc-present", "cdb-alloc-absent"};
    for (int i = 0; i < WARMUP; i++) {
      get.invoke(jedis, keys[i & 1]);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < MEASURED; i++) {
      get.invoke(jedis, keys[i & 1]);
    }
    long after = threads.getThreadAllocatedBytes(id);
    System.out.println("allocated " + (after - before) + " for " + MEASURED + " commands");
    Thread.sleep(600_000);
  }
}
