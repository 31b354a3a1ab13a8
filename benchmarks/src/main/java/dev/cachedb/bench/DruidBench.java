package dev.cachedb.bench;

import com.alibaba.druid.pool.DruidDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Druid's borrow and return: the shared pool advice on getConnection(long) and on the holder's
 * way back, with no hook of Druid's own to lean on (unlike Hikari).
 */
public class DruidBench extends AbstractPoolBench {

  @Override
  protected DataSource open() throws SQLException {
    DruidDataSource pool = new DruidDataSource();
    pool.setUrl(JDBC_URL);
    pool.setUsername(USER);
    pool.setPassword(PASSWORD);
    pool.setMaxActive(SIZE);
    pool.setMinIdle(SIZE);
    pool.setInitialSize(SIZE);
    pool.setName(NAME);
    pool.init();
    return pool;
  }
}
