package dev.cachedb.agent.instrumentation.hikaricp.v2_7;

import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import java.util.Arrays;
import java.util.List;

/**
 * HikariCP 2.7 to 7.x (tested 2.7.9 and 7.1.0). {@code HikariPool} is where every way of building a
 * Hikari pool ends up (HikariDataSource with a config or with setters, Spring, JNDI factories).
 */
public final class HikariModule extends PoolModule {

  public HikariModule() {
    super(
        "hikaricp-2.7",
        new Library(
            "hikaricp", "com.zaxxer", "HikariCP", "com/zaxxer/hikari/HikariConfig.class", 7),
        new HikariPoolReader(),
        // in com.zaxxer.hikari.pool since 2.4; older lines kept it elsewhere and are not supported
        "com/zaxxer/hikari/pool/HikariPool.class",
        // ProxyConnection, the base of every proxy Hikari hands out, since 2.4
        "com/zaxxer/hikari/pool/ProxyConnection.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new HikariPoolInstrumentation(), new HikariMetricsDelegateInstrumentation());
  }
}
