package dev.cachedb.agent.instrumentation.dbcp;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * What DBCP 1.4 and DBCP2 share: {@code BasicDataSource} and the guard wrapper of the connections
 * it lends, the same classes in two packages, and again in the two Tomcat repackaged
 * ({@code instrumentation/tomcatdbcp}). Each line's module states the rest.
 */
public abstract class BasicDataSourceModule extends PoolModule {
  private final String packageName;

  protected BasicDataSourceModule(
      String name, Library library, DbcpPoolReader reader, String... landmarks) {
    super(name, library, reader, landmarks);
    this.packageName = reader.packageName;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new BasicDataSourceInstrumentation(packageName),
        new PoolGuardConnectionInstrumentation(packageName));
  }
}
