package dev.cachedb.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One borrow and return of a JDBC pool over H2 in memory: what the pool instrumentation adds to.
 * Every pool's bench is this one with its own pool, so their figures compare: a subclass only
 * builds the pool in {@link #open} ({@link #SIZE} connections, all opened at start, to {@link
 * #JDBC_URL}) and, if its data source is not {@link AutoCloseable}, overrides {@link #close}. JMH
 * names the benchmark after the subclass ({@code DruidBench.borrowAndReturn}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class AbstractPoolBench {
  /** Connections in the pool, minimum and maximum alike: no borrow ever opens one. */
  protected static final int SIZE = 4;

  /** In memory, kept while the pool's connections come and go (JMH forks a JVM per bench). */
  protected static final String JDBC_URL = "jdbc:h2:mem:poolbench;DB_CLOSE_DELAY=-1";

  protected static final String USER = "sa";
  protected static final String PASSWORD = "";
  /** The pool's name, for the libraries that take one. */
  protected static final String NAME = "bench";

  private DataSource pool;

  /** Builds and starts the pool. */
  protected abstract DataSource open() throws Exception;

  /** Closes the pool {@link #open} built. */
  protected void close(DataSource pool) throws Exception {
    ((AutoCloseable) pool).close();
  }

  @Setup
  public void setUp() throws Exception {
    pool = open();
  }

  @TearDown
  public void tearDown() throws Exception {
    close(pool);
  }

  @Benchmark
  public Connection borrowAndReturn() throws SQLException {
    Connection c = pool.getConnection();
    c.close();
    return c;
  }
}
