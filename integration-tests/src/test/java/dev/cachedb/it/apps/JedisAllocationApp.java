package dev.cachedb.it.apps;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes this thread allocates for 100,000 Jedis GETs after a warm-up, so a test can
 * compare a JVM with the agent to one without. Half the GETs hit, half miss. Prints
 * {@code allocated <bytes> for <n> commands}. Usage: {@code host port [commands, default 100000]}.
 */
public final class JedisAllocationApp {
  private static final int WARMUP = 50_000;

  public static void main(String[] args) throws Exception {
    int measured = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
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
    // On JDK 8 this counter jumps by one TLAB twice around a young collection, with or without
    // the agent; the agent's start-up garbage only brings that collection forward into the
    // measured commands. Emptying eden first keeps it out: their allocation fits in eden.
    System.gc();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < measured; i++) {
      get.invoke(jedis, keys[i & 1]);
    }
    long after = threads.getThreadAllocatedBytes(id);
    System.out.println("allocated " + (after - before) + " for " + measured + " commands");
    Thread.sleep(600_000);
  }
}
