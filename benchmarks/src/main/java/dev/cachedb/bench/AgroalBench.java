package dev.cachedb.bench;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
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
 * One Agroal borrow and return over H2 in memory: the shared pool advice on the {@code
 * ConnectionPool}'s getConnection and return of its handler, usage keyed by that handler.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgroalBench {
  private AgroalDataSource pool;

  @Setup
  public void setUp() throws SQLException {
    Map<String, String> settings = new HashMap<>();
    settings.put(AgroalPropertiesReader.JDBC_URL, "jdbc:h2:mem:agroalbench;DB_CLOSE_DELAY=-1");
    settings.put(AgroalPropertiesReader.PRINCIPAL, "sa");
    settings.put(AgroalPropertiesReader.CREDENTIAL, "");
    settings.put(AgroalPropertiesReader.INITIAL_SIZE, "4");
    settings.put(AgroalPropertiesReader.MIN_SIZE, "4");
    settings.put(AgroalPropertiesReader.MAX_SIZE, "4");
    pool = AgroalDataSource.from(new AgroalPropertiesReader().readProperties(settings));
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
