package dev.cachedb.it.apps;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The pool scenario of PoolMetricsIT, in one child JVM, in steps the test paces: the app prints
 * a marker, the test scrapes, then creates {@code <dir>/go-<step>} to let the app go on.
 *
 * <ol>
 *   <li>pool-a, fixed at 5: hold 3 connections; marker {@code A-HELD}.
 *   <li>pool-b, fixed at 2: hold both, a third thread waits; marker {@code B-WAITING}.
 *   <li>return everything; pool-c, fixed at 1: hold it, a second borrow times out; marker
 *       {@code RELEASED}.
 *   <li>close all three; marker {@code CLOSED}; linger.
 * </ol>
 *
 * Arguments: kind (as PoolFactory knows them), JDBC URL, user, password, step directory.
 */
public final class PoolWorkloadApp {

  public static void main(String[] args) throws Exception {
    PoolFactory pools = new PoolFactory(args[0], args[1], args[2], args[3]);
    Path dir = Paths.get(args[4]);

    DataSource a = pools.fixed("pool-a", 5, 30_000);
    List<Connection> held = borrow(a, 3);
    work(held.get(0));
    System.out.println("A-HELD");
    await(dir, 1);

    closeAll(held);
    DataSource b = pools.fixed("pool-b", 2, 30_000);
    held = borrow(b, 2);
    Thread waiter = new Thread(() -> {
      try (Connection c = b.getConnection()) {
        work(c);
      } catch (SQLException e) {
        e.printStackTrace();
      }
    });
    waiter.start();
    while (waiter.getState() == Thread.State.RUNNABLE || waiter.getState() == Thread.State.NEW) {
      Thread.sleep(10); // until the waiter blocks inside getConnection
    }
    System.out.println("B-WAITING");
    await(dir, 2);

    closeAll(held);
    waiter.join();
    DataSource c = pools.fixed("pool-c", 1, 500);
    held = borrow(c, 1);
    try (Connection extra = c.getConnection()) {
      System.out.println("UNEXPECTED: second borrow from pool-c succeeded");
    } catch (SQLException expected) {
      System.out.println("C-TIMED-OUT");
    }
    closeAll(held);
    System.out.println("RELEASED");
    await(dir, 3);

    PoolFactory.close(a);
    PoolFactory.close(b);
    PoolFactory.close(c);
    System.out.println("CLOSED");
    Thread.sleep(Long.MAX_VALUE);
  }

  static List<Connection> borrow(DataSource ds, int n) throws SQLException {
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      held.add(ds.getConnection());
    }
    return held;
  }

  static void work(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
  }

  static void closeAll(List<Connection> held) throws SQLException {
    for (Connection c : held) {
      c.close();
    }
  }

  private static void await(Path dir, int step) throws InterruptedException {
    Signal.awaitFile(dir.resolve("go-" + step));
  }
}
