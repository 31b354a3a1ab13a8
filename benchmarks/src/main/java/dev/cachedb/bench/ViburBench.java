package dev.cachedb.bench;

import javax.sql.DataSource;
import org.vibur.dbcp.ViburDBCPDataSource;

/**
 * Vibur's borrow and return: the shared pool advice on getConnection and on {@code
 * PoolOperations.restore}, usage timed on the {@code ConnHolder} Vibur wraps in a JDK proxy.
 */
public class ViburBench extends AbstractPoolBench {

  @Override
  protected DataSource open() {
    ViburDBCPDataSource pool = new ViburDBCPDataSource();
    pool.setJdbcUrl(JDBC_URL);
    pool.setUsername(USER);
    pool.setPassword(PASSWORD);
    pool.setPoolInitialSize(SIZE);
    pool.setPoolMaxSize(SIZE);
    pool.setName(NAME);
    pool.start();
    return pool;
  }
}
