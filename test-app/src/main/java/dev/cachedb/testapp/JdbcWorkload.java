package dev.cachedb.testapp;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Plain JDBC through {@link DriverManager}, the way a service written before connection pools were
 * common talks to its database: one connection, prepared statements on it. Each round is a
 * {@link QueryRound} on {@code customers}: per round, in {@code db_queries_total}, INSERT 2 (one
 * plus one batch), SELECT 1, UPDATE 1, DELETE 1.
 */
final class JdbcWorkload implements Workload {
  private final String url;
  private final QueryRound queries = new QueryRound("customers");
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
    queries.createTable(connection);
  }

  @Override
  public void runOnce() throws Exception {
    queries.run(connection, round++);
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }
}
