package dev.cachedb.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** HikariCP's borrow and return, timed by the agent through Hikari's own metrics hooks. */
public class PoolBench extends AbstractPoolBench {

  @Override
  protected DataSource open() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(JDBC_URL);
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(SIZE);
    config.setMinimumIdle(SIZE);
    config.setPoolName(NAME);
    return new HikariDataSource(config);
  }
}
