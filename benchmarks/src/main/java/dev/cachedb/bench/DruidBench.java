package dev.cachedb.bench;

import com.alibaba.druid.pool.DruidDataSource;
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

/**
 * One Druid borrow and return over H2 in memory: the shared pool advice on getConnection(long)
 * and on the lent connection's close(), with no hook of Druid's own to lean on (unlike Hikari).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DruidBench {
  private DruidDataSource pool;

  @Setup
  public void setUp() throws SQLException {
    pool = new DruidDataSource();
    pool.setUrl("jdbc:h2:mem:druidbench;DB_CLOSE_DELAY=-1");
    pool.setUsername("sa");
    pool.setPassword("");
    pool.setMaxActive(4);
    pool.setMinIdle(4);
    pool.setInitialSize(4);
    pool.setName("bench");
    pool.init();
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
