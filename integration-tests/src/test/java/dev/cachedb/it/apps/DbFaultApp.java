package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Two threads borrowing from a HikariCP pool ({@code fault-pool}, 3 connections, 1 s
 * connectionTimeout) and running one statement per borrow (SELECT and UPDATE on stock, INSERT
 * into orders, in turn), retrying a failed one after 50 ms, while the test stops and restarts the
 * database. Tallies what it saw: {@code borrow success|error} and {@code <TYPE> <table>
 * success|error} per execution ({@code prepare-error} when a statement could not even be
 * prepared: nothing executed). Prints {@code RECOVERED <thread>} the first time a statement runs
 * again after failures; once {@code stopFile} exists, waits until the pool is whole again and
 * prints {@code POOL <total> <idle> <active> <waiting>} from Hikari's own MXBean, the tallies and
 * caught exceptions, {@code DONE}, and lingers.
 *
 * <p>Usage: {@code jdbcUrl user password stopFile}; tables stock(id, qty) and orders(item) exist.
 */
public final class DbFaultApp {
  static final Captured.Tally TALLY = new Captured.Tally();
  private static final String[][] STATEMENTS = {
    {"SELECT", "stock", "SELECT qty FROM stock WHERE id = ?"},
    {"UPDATE", "stock", "UPDATE stock SET qty = qty + 1 WHERE id = ?"},
    {"INSERT", "orders", "INSERT INTO orders (item) VALUES (?)"},
  };

  public static void main(String[] args) throws Exception {
    Path stop = Paths.get(args[3]);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(args[0]);
    hc.setUsername(args[1]);
    hc.setPassword(args[2]);
    hc.setPoolName("fault-pool");
    hc.setMaximumPoolSize(3);
    hc.setMinimumIdle(3);
    hc.setConnectionTimeout(1000);
    hc.setValidationTimeout(250);
    HikariDataSource ds = new HikariDataSource(hc);

    Thread[] workers = new Thread[2];
    for (int w = 0; w < workers.length; w++) {
      String name = "w" + w;
      workers[w] = new Thread(() -> work(ds, name, stop), name);
      workers[w].start();
    }
    System.out.println("RUNNING");
    System.out.flush();
    for (Thread w : workers) {
      w.join();
    }
    HikariPoolMXBean mx = ds.getHikariPoolMXBean();
    long end = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < end
        && !(mx.getTotalConnections() == 3 && mx.getIdleConnections() == 3)) {
      Thread.sleep(50); // Hikari refills in the background
    }
    Thread.sleep(200);
    System.out.println("POOL " + mx.getTotalConnections() + " " + mx.getIdleConnections() + " "
        + mx.getActiveConnections() + " " + mx.getThreadsAwaitingConnection());
    TALLY.print();
    Captured.printSummary();
    System.out.println("DONE");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void work(HikariDataSource ds, String name, Path stop) {
    int seq = 0;
    boolean failedSinceSuccess = false;
    boolean recovered = false;
    while (!Files.exists(stop)) {
      boolean ok = false;
      Connection c;
      try {
        c = ds.getConnection();
        TALLY.add("borrow success");
      } catch (SQLException e) {
        TALLY.add("borrow error");
        Captured.caught("borrow", e);
        failedSinceSuccess = true;
        sleep(50);
        continue;
      }
      String[] st = STATEMENTS[seq % STATEMENTS.length];
      try (Connection held = c) {
        PreparedStatement p;
        try {
          p = held.prepareStatement(st[2]);
        } catch (SQLException e) {
          TALLY.add("prepare-error");
          Captured.caught("prepare", e);
          p = null;
        }
        if (p != null) {
          try (PreparedStatement ps = p) {
            ps.setInt(1, 1 + seq % 10);
            ps.execute();
            TALLY.add(st[0] + " " + st[1] + " success");
            ok = true;
          } catch (SQLException e) {
            TALLY.add(st[0] + " " + st[1] + " error");
            Captured.caught("execute", e);
          }
        }
      } catch (SQLException e) {
        Captured.caught("close", e);
      }
      if (ok) {
        seq++;
        if (failedSinceSuccess && !recovered) {
          recovered = true;
          System.out.println("RECOVERED " + name);
          System.out.flush();
        }
        failedSinceSuccess = false;
        sleep(5);
      } else {
        failedSinceSuccess = true;
        sleep(50); // the application's own retry
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
