package dev.cachedb.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The agent's added cost per {@code PreparedStatement.executeQuery()} of a statement prepared once
 * (as a driver's or pool's statement cache would hand it out), on an H2 in-memory point select.
 * Run twice, agent off and on, and compare; add {@code -prof gc} for bytes per operation:
 *
 * <pre>
 * mvn -B -q -f benchmarks/pom.xml package
 * java -jar benchmarks/target/benchmarks.jar JdbcExecute -prof gc
 * java -jar benchmarks/target/benchmarks.jar JdbcExecute -prof gc \
 *     -jvmArgsAppend -javaagent:agent/target/cachedb-agent.jar=port=0,host=127.0.0.1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class JdbcExecuteBenchmark {
  private Connection connection;
  private PreparedStatement select;

  @Setup
  public void setUp() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS customers (id INT PRIMARY KEY, name VARCHAR(64))");
      s.execute("MERGE INTO customers (id, name) VALUES (1, 'one')");
    }
    select = connection.prepareStatement("SELECT name FROM customers WHERE id = ?");
    select.setInt(1, 1);
  }

  @TearDown
  public void tearDown() throws SQLException {
    select.close();
    connection.close();
  }

  @Benchmark
  public String preparedExecuteQuery() throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
