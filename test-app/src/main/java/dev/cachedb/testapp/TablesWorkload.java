package dev.cachedb.testapp;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Many tables, for the scrape benchmark: {@code db_query_*} series multiply by (statement type,
 * table), so N tables give about 100 N exposition lines. Set-up creates {@code bench_t0} to
 * {@code bench_t<N-1>} and runs one {@link QueryRound} on each, so every series exists when the
 * app says it is ready; each round then runs one query round on the next table in turn.
 */
final class TablesWorkload implements Workload {
  private final String url;
  private final QueryRound[] tables;
  private Connection connection;
  private int round;

  TablesWorkload(String url, int count) {
    this.url = url;
    this.tables = new QueryRound[count];
    for (int i = 0; i < count; i++) {
      tables[i] = new QueryRound("bench_t" + i);
    }
  }

  @Override
  public String name() {
    return "tables-" + tables.length;
  }

  @Override
  public void setUp() throws Exception {
    connection = DriverManager.getConnection(url, "sa", "");
    for (QueryRound t : tables) {
      t.createTable(connection);
      t.run(connection, 0);
    }
  }

  @Override
  public void runOnce() throws Exception {
    int r = round++;
    // Rounds 1, 2, ... per table: round 0 ran in set-up, and ids must not repeat on a table.
    tables[r % tables.length].run(connection, r / tables.length + 1);
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }
}
