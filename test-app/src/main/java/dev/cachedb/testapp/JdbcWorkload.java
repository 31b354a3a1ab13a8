package dev.cachedb.testapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Plain JDBC through {@link DriverManager}, the way a service written before connection pools were
 * common talks to its database: one connection, statements and prepared statements on it.
 */
final class JdbcWorkload implements Workload {
  private final String url;
  private Connection connection;
  private int round;

  JdbcWorkload(String url) {
    this.url = url;
  }

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public void setUp() throws Exception {
    connection = DriverManager.getConnection(url, "sa", "");
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS customers (id INT PRIMARY KEY, name VARCHAR(64))");
      s.execute("DELETE FROM customers");
    }
  }

  @Override
  public void runOnce() throws Exception {
    int id = round++;
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO customers (id, name) VALUES (?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, "customer-" + id);
      insert.executeUpdate();
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }
}
