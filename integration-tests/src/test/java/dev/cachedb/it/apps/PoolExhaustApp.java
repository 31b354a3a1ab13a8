package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Exhausts a HikariCP pool over H2 ({@code tiny-pool}, 2 connections): holds both, and a third
 * borrower waits out a 5 s connectionTimeout. Given a file name, it prints {@code READY} and
 * starts that borrower only once the file exists, so the test's first scrape (the agent's JVM
 * metrics are built then) does not eat into the timeout. Prints {@code WAITING} once that thread
 * is parked in getConnection, then the timeout exactly as the application caught it ({@code
 * EXC} and {@code FRAMES} lines, see {@link Captured}), {@code TIMED-OUT}, returns both
 * connections, {@code RELEASED}, and lingers. Runs the same with and without the agent, so the test can
 * compare what the application got.
 */
public final class PoolExhaustApp {

  public static void main(String[] args) throws Exception {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl("jdbc:h2:mem:tiny;DB_CLOSE_DELAY=-1");
    hc.setUsername("sa");
    hc.setPassword("");
    hc.setPoolName("tiny-pool");
    hc.setMaximumPoolSize(2);
    hc.setMinimumIdle(2);
    hc.setConnectionTimeout(5000);
    HikariDataSource ds = new HikariDataSource(hc);
    Connection a = ds.getConnection();
    Connection b = ds.getConnection();
    if (args.length > 0) {
      System.out.println("READY");
      System.out.flush();
      Signal.awaitFile(Paths.get(args[0]));
    }
    Thread waiter = new Thread(() -> {
      try (Connection c = ds.getConnection()) {
        System.out.println("UNEXPECTED: a third connection");
      } catch (SQLException e) {
        Captured.caught("timeout", e);
        Captured.printFrames("timeout", e);
      }
    }, "third-borrower");
    waiter.start();
    while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
      Thread.sleep(5);
    }
    System.out.println("WAITING");
    System.out.flush();
    waiter.join();
    Captured.printSummary();
    System.out.println("TIMED-OUT");
    a.close();
    b.close();
    System.out.println("RELEASED");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
