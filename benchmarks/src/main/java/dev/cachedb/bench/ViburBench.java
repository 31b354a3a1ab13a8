package dev.cachedb.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vibur.dbcp.ViburDBCPDataSource;

/**
 * One Vibur borrow and return over H2 in memory: the shared pool advice on getConnection and on
 * {@code PoolOperations.restore}, usage keyed by the {@code ConnHolder} behind Vibur's JDK proxy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ViburBench {
  private ViburDBCPDataSource pool;

  @Setup
  public void setUp() {
    pool = new ViburDBCPDataSource();
    pool.setJdbcUrl("jdbc:h2:mem:viburbench;DB_CLOSE_DELAY=-1");
    pool.setUsername("sa");
    pool.setPassword("");
    pool.setPoolInitialSize(4);
    pool.setPoolMaxSize(4);
    pool.setName("bench");
    pool.start();
  }

  @TearDown
  public void tearDown() {
    pool.close();
  }

  @Benchmark
  public Connection borrowAndReturn() throws SQLException {
    Connection c = pool.getConnection();
    c.close();
    return c;
  }
}
