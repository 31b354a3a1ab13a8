package dev.cachedb.it.apps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A known query workload through one pool library's proxies (PoolQueriesIT): plain, batched and
 * prepared statements on table {@code probe}, and one failing query. Each execute must count once
 * whatever the pool wraps around the driver. Prints {@code done}, then lingers.
 *
 * <p>Arguments: kind (as PoolFactory knows them), JDBC URL, user, password.
 */
public final class PoolQueriesApp {

  public static void main(String[] args) throws Exception {
    DataSource ds = new PoolFactory(args[0], args[1], args[2], args[3]).fixed("pool-q", 2, 30_000);
    try (Connection c = ds.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE probe (id INT PRIMARY KEY, name VARCHAR(20))"); // CREATE 1
        s.executeUpdate("INSERT INTO probe VALUES (1, 'a')"); // INSERT 1
        s.addBatch("INSERT INTO probe VALUES (2, 'b')");
        s.addBatch("INSERT INTO probe VALUES (3, 'c')");
        s.executeBatch(); // INSERT 2: a batch counts once
        drain(s.executeQuery("SELECT name FROM probe")); // SELECT 1
      }
      try (PreparedStatement p = c.prepareStatement("SELECT name FROM probe WHERE id = ?")) {
        for (int id = 1; id <= 3; id++) {
          p.setInt(1, id);
          drain(p.executeQuery()); // SELECT 2, 3, 4
        }
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE probe SET name = ? WHERE id = ?")) {
        for (int id = 1; id <= 2; id++) {
          p.setString(1, "u" + id);
          p.setInt(2, id);
          p.executeUpdate(); // UPDATE 1, 2
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("DELETE FROM probe WHERE id = 3"); // DELETE 1
        try {
          s.executeQuery("SELECT name FROM missing_probe");
          System.out.println("UNEXPECTED: missing_probe answered");
        } catch (SQLException expected) {
          // SELECT missing_probe 1, an error
        }
      }
    }
    System.out.println("done");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (ResultSet r = rs) {
      while (r.next()) {
        r.getString(1);
      }
    }
  }
}
