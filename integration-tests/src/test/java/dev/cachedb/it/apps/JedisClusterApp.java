package dev.cachedb.it.apps;

import static dev.cachedb.it.apps.JedisWorkloadApp.call;
import static dev.cachedb.it.apps.JedisWorkloadApp.construct;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * A known workload on {@code JedisCluster}, for every Jedis from 2.9 to 8.x (reflection, as in
 * {@link JedisWorkloadApp}): 30 SETs spread over the nodes, 30 GETs of them, 10 of absent keys,
 * and an MGET of three keys in one slot, two present. Prints "done". Usage: {@code host port}.
 */
public final class JedisClusterApp {

  public static void main(String[] args) throws Exception {
    Class<?> hostAndPort = Class.forName("redis.clients.jedis.HostAndPort");
    Object seed = hostAndPort.getConstructor(String.class, int.class)
        .newInstance(args[0], Integer.parseInt(args[1]));
    Set<Object> seeds = new HashSet<>(Collections.singleton(seed));
    Object cluster = construct("redis.clients.jedis.JedisCluster", new Class<?>[] {Set.class}, seeds);
    for (int i = 0; i < 30; i++) {
      call(cluster, "set", "cdb-cluster-" + i, "cdb-value-" + i);
    }
    for (int i = 0; i < 30; i++) {
      call(cluster, "get", "cdb-cluster-" + i);
    }
    for (int i = 0; i < 10; i++) {
      call(cluster, "get", "cdb-cluster-absent-" + i);
    }
    call(cluster, "set", "{cdb-tag}a", "cdb-value-a");
    call(cluster, "set", "{cdb-tag}b", "cdb-value-b");
    call(cluster, "mget", (Object) new String[] {"{cdb-tag}a", "{cdb-tag}b", "{cdb-tag}absent"});
    System.out.println("done");
    Thread.sleep(600_000);
  }
}
