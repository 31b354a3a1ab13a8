package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A HikariCP pool whose name (given by the test, Base64 so any character survives the command
 * line) is as hostile as a name can be; borrows once, waits for the pool to be full, prints
 * "ready" and lingers with the pool open.
 *
 * <pre>
 * OddPoolNameApp JDBC_URL NAME_BASE64
 * </pre>
 */
public final class OddPoolNameApp {

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(2);
    config.setPoolName(
        new String(java.util.Base64.getDecoder().decode(args[1]), java.nio.charset.StandardCharsets.UTF_8));
    HikariDataSource pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
    // Hikari adds the second connection in the background: wait for it, so the test's scrape
    // sees a full pool whenever it comes.
    while (pool.getHikariPoolMXBean().getTotalConnections() < 2) {
      Thread.sleep(10);
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
