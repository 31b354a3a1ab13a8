package dev.cachedb.it.apps;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap in use after a full GC once {@code commands} sync GETs of a {@code valueBytes} value have
 * returned and been dropped: run with and without the agent and compare, to see whether the agent
 * keeps replies alive. Args: {@code host port commands valueBytes}. Prints
 * {@code heap-used-after-gc=<bytes>}, then lingers (connection open) to be scraped.
 */
public final class LettuceRetentionApp {

  public static void main(String[] args) throws Exception {
    int commands = Integer.parseInt(args[2]);
    int valueBytes = Integer.parseInt(args[3]);
    RedisClient client = RedisClient.create(RedisURI.create(args[0], Integer.parseInt(args[1])));
    StatefulRedisConnection<String, String> connection = client.connect();
    RedisCommands<String, String> sync = connection.sync();
    StringBuilder value = new StringBuilder(valueBytes);
    for (int i = 0; i < valueBytes; i++) {
      value.append((char) ('a' + i % 26));
    }
    sync.set("retention:big", value.toString());
    value = null;
    long length = 0;
    for (int i = 0; i < commands; i++) {
      length += sync.get("retention:big").length();
    }
    System.out.println("read " + length + " bytes");
    System.out.println("heap-used-after-gc=" + usedAfterGc());
    Thread.sleep(600_000);
    connection.close();
    client.shutdown();
  }

  /** Several collections: one may leave garbage that a finalizer or reference queue still held. */
  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
