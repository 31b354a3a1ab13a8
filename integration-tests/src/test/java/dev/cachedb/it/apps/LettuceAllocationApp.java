package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated per Lettuce command by all threads of the JVM (the caller and Lettuce's event
 * loop), over {@code commands} sync GETs after a warm-up; run with and without the agent and
 * compare. Args: {@code host port commands}. Prints {@code bytes-per-command=<n>}.
 */
public final class LettuceAllocationApp {

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[2]);
    RedisClient client = RedisClient.create(RedisURI.create(args[0], Integer.parseInt(args[1])));
    StatefulRedisConnection<String, String> connection = client.connect();
    RedisCommands<String, String> sync = connection.sync();
    sync.set("alloc:present", "value");
    for (int i = 0; i < 50_000; i++) {
      sync.get((i & 1) == 0 ? "alloc:present" : "alloc:absent");
    }
    long before = allocatedByAllThreads();
    for (int i = 0; i < n; i++) {
      sync.get((i & 1) == 0 ? "alloc:present" : "alloc:absent");
    }
    long after = allocatedByAllThreads();
    System.out.println("bytes-per-command=" + (after - before) / (double) n);
    connection.close();
    client.shutdown();
  }

  private static long allocatedByAllThreads() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(a, 0);
    }
    return sum;
  }
}
