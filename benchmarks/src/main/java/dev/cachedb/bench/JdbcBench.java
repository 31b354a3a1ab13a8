package dev.cachedb.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Statement executions on H2 in memory through HikariCP: a cached prepared point select (the
 * common case, where the agent's classification is a cache hit) and plain statements with a new
 * SQL string each time from a set of 10,000 (classification cache misses).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcBench {
  private static final int ROWS = 10_000;

  private HikariDataSource pool;
  private Connection connection;
  private PreparedStatement pointSelect;
  private Statement statement;
  private String[] distinctSql;
  private int next;

  @Setup
  public void setUp() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:jdbcbench;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    connection = pool.getConnection();
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS accounts (id INT PRIMARY KEY, name VARCHAR(32))");
      s.execute("DELETE FROM accounts");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO accounts (id, name) VALUES (?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        insert.setInt(1, i);
        insert.setString(2, "name-" + i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    pointSelect = connection.prepareStatement("SELECT name FROM accounts WHERE id = ?");
    statement = connection.createStatement();
    distinctSql = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      distinctSql[i] = "SELECT name FROM accounts WHERE id = " + i;
    }
  }

  @TearDown
  public void tearDown() throws SQLException {
    pointSelect.close();
    statement.close();
    connection.close();
    pool.close();
  }

  @Benchmark
  public String preparedPointSelect() throws SQLException {
    pointSelect.setInt(1, 4242);
    try (ResultSet rs = pointSelect.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Benchmark
  public String statementNewSql() throws SQLException {
    String sql = distinctSql[next];
    next = next + 1 == ROWS ? 0 : next + 1;
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
