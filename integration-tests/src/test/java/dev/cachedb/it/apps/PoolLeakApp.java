package dev.cachedb.it.apps;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates, uses and closes many pools of every kind given, then drops a few more without closing
 * them, and checks with weak references that nothing (the agent included) still holds any of them.
 *
 * <p>Arguments: total number of pools, JDBC URL, then the kinds to cycle through. Prints
 * {@code COLLECTED <n> OF <total>} and lingers.
 */
public final class PoolLeakApp {

  public static void main(String[] args) throws Exception {
    int total = Integer.parseInt(args[0]);
    String url = args[1];
    List<WeakReference<Object>> refs = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      refs.add(use(args[2 + i % (args.length - 2)], url, "leak-" + i, true));
    }
    // Pools without threads of their own can simply be dropped, unclosed (not DBCP2 here, nor
    // Tomcat's DBCP2: the platform MBean server holds a pool registered in JMX).
    refs.add(use("tomcat", url, "dropped-tomcat", false));
    refs.add(use("dbcp", url, "dropped-dbcp", false));
    refs.add(use("tomcat-dbcp", url, "dropped-tomcat-dbcp", false));
    System.out.println("CREATED " + refs.size());
    long deadline = System.currentTimeMillis() + 30_000;
    int collected;
    do {
      System.gc();
      Thread.sleep(100);
      collected = 0;
      for (WeakReference<Object> r : refs) {
        collected += r.get() == null ? 1 : 0;
      }
    } while (collected < refs.size() && System.currentTimeMillis() < deadline);
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i).get() != null) {
        System.out.println("ALIVE " + i + " " + refs.get(i).get().getClass().getName());
      }
    }
    System.out.println("COLLECTED " + collected + " OF " + refs.size());
    Thread.sleep(Long.MAX_VALUE);
  }

  /** In its own frame, so no local variable of main keeps the last pool reachable. */
  private static WeakReference<Object> use(String kind, String url, String name, boolean close)
      throws Exception {
    DataSource ds = new PoolFactory(kind, url, "sa", "").fixed(name, 1, 5_000);
    try (Connection c = ds.getConnection()) {
      PoolWorkloadApp.work(c);
    }
    if (close) {
      PoolFactory.close(ds);
    }
    return new WeakReference<>(ds);
  }
}
