package dev.cachedb.bench;

import javax.sql.DataSource;
import oracle.ucp.admin.UniversalConnectionPoolManagerImpl;
import oracle.ucp.jdbc.PoolDataSource;
import oracle.ucp.jdbc.PoolDataSourceFactory;

/**
 * Oracle UCP's borrow and return, UCP pooling H2 through H2's own DataSource as its connection
 * factory: the shared pool advice on getConnection and on the pool's returnConnection, and the
 * usage key read through the lent proxy's Creator.
 */
public class UcpBench extends AbstractPoolBench {

  @Override
  protected DataSource open() throws Exception {
    PoolDataSource pool = PoolDataSourceFactory.getPoolDataSource();
    pool.setConnectionFactoryClassName("org.h2.jdbcx.JdbcDataSource");
    pool.setURL(JDBC_URL);
    pool.setUser(USER);
    pool.setPassword(PASSWORD);
    pool.setInitialPoolSize(SIZE);
    pool.setMinPoolSize(SIZE);
    pool.setMaxPoolSize(SIZE);
    pool.setConnectionPoolName(NAME);
    return pool;
  }

  /** A UCP data source has no close(): its pool ends through UCP's manager. */
  @Override
  protected void close(DataSource pool) throws Exception {
    UniversalConnectionPoolManagerImpl.getUniversalConnectionPoolManager()
        .destroyConnectionPool(NAME);
  }
}
