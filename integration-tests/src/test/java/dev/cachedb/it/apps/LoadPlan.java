package dev.cachedb.it.apps;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link LoadApp} does, decided by thread and iteration alone, so the test can work out every
 * counter in advance: which GET hits (the key was seeded) and which misses (it never existed),
 * which statement runs on which table. Both the app and LoadIT use it.
 *
 * <p>Per iteration {@code i} of thread {@code t}: one Jedis command over JedisPool, one Lettuce
 * command (sync on even threads, async on odd ones), one pool borrow with one statement.
 */
public final class LoadPlan {
  public static final int THREADS = 16;
  public static final int SEEDED = 64;
  public static final String POOL = "load-pool";

  private LoadPlan() {}

  /** Jedis: 0 SET, 1 and 2 GET of a seeded key (hit), 3 GET of an absent key (miss). */
  public static int jedisOp(int i) {
    return i % 4;
  }

  /** Lettuce: 0 SET, 1 GET hit, 2 GET miss, 3 MGET of one seeded and one absent key, 4 INCR. */
  public static int lettuceOp(int i) {
    return i % 5;
  }

  /** SQL: 0 SELECT items, 1 INSERT events, 2 UPDATE items. */
  public static int sqlOp(int i) {
    return i % 3;
  }

  public static String seeded(int t, int i) {
    return "load:hit:" + ((t * 131 + i) % SEEDED);
  }

  public static String absent(int t, int i) {
    return "load:miss:" + t + ":" + i;
  }

  public static String cache(String op, String result) {
    return "cache_operations_total{operation=\"" + op + "\",result=\"" + result + "\"}";
  }

  public static String query(String type, String table) {
    return "db_queries_total{query_type=\"" + type + "\",table=\"" + table + "\"}";
  }

  public static String borrows() {
    return "borrows{pool=\"" + POOL + "\"}";
  }

  /** Every counter the whole run must end with, setup included, keyed like a scrape sample. */
  public static Map<String, Long> expected(int opsPerThread) {
    Map<String, Long> m = new TreeMap<>();
    // setup: FLUSHALL, one SET per seeded key; two CREATE TABLEs and the item rows, one borrow
    add(m, cache("flushall", "success"), 1);
    add(m, cache("set", "success"), SEEDED);
    add(m, query("CREATE", "items"), 1);
    add(m, query("CREATE", "events"), 1);
    add(m, query("INSERT", "items"), SEEDED);
    add(m, borrows(), 1);
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < opsPerThread; i++) {
        switch (jedisOp(i)) {
          case 0: add(m, cache("set", "success"), 1); break;
          case 3: add(m, cache("get", "miss"), 1); break;
          default: add(m, cache("get", "hit"), 1);
        }
        switch (lettuceOp(i)) {
          case 0: add(m, cache("set", "success"), 1); break;
          case 1: add(m, cache("get", "hit"), 1); break;
          case 2: add(m, cache("get", "miss"), 1); break;
          case 3:
            add(m, cache("mget", "hit"), 1);
            add(m, cache("mget", "miss"), 1);
            break;
          default: add(m, cache("incr", "success"), 1);
        }
        add(m, borrows(), 1);
        switch (sqlOp(i)) {
          case 0: add(m, query("SELECT", "items"), 1); break;
          case 1: add(m, query("INSERT", "events"), 1); break;
          default: add(m, query("UPDATE", "items"), 1);
        }
      }
    }
    return m;
  }

  private static void add(Map<String, Long> m, String key, long n) {
    m.merge(key, n, Long::sum);
  }
}
