package dev.cachedb.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import oracle.ucp.UniversalConnectionPoolException;
import oracle.ucp.admin.UniversalConnectionPoolManagerImpl;
import oracle.ucp.jdbc.PoolDataSource;
import oracle.ucp.jdbc.PoolDataSourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Oracle UCP borrow and return over H2 in memory (UCP's connection factory is H2's
 * DataSource): the shared pool advice on getConnection and on the pool's returnConnection, and
 * the usage key read through the lent proxy's Creator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UcpBench {
  private PoolDataSource pool;

  @Setup
  public void setUp() throws SQLException {
    pool = PoolDataSourceFactory.getPoolDataSource();
    pool.setConnectionFactoryClassName("org.h2.jdbcx.JdbcDataSource");
    pool.setURL("jdbc:h2:mem:ucpbench;DB_CLOSE_DELAY=-1");
    pool.setUser("sa");
    pool.setPassword("");
    pool.setInitialPoolSize(4);
    pool.setMinPoolSize(4);
    pool.setMaxPoolSize(4);
    pool.setConnectionPoolName("bench");
  }

  @TearDown
  public void tearDown() throws UniversalConnectionPoolException {
    UniversalConnectionPoolManagerImpl.getUniversalConnectionPoolManager()
        .destroyConnectionPool("bench");
  }

  @Benchmark
  public Connection borrowAndReturn() throws SQLException {
    Connection c = pool.getConnection();
    c.close();
    return c;
  }
}
