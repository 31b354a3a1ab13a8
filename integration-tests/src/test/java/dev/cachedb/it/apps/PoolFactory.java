package dev.cachedb.it.apps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import javax.management.ObjectName;
import javax.sql.DataSource;

/**
 * Builds pools of every supported library by reflection, through their setters, the way Spring or
 * a JNDI factory does. The child JVM holds one version of one pool library, and a class compiled
 * against the newest would not link against the oldest; setters by name work with every version.
 */
final class PoolFactory {
  private final String kind;
  private final String url;
  private final String user;
  private final String password;

  PoolFactory(String kind, String url, String user, String password) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** A pool of {@code size} connections, opened at start, whose borrows wait {@code waitMs}. */
  DataSource fixed(String name, int size, long waitMs) throws Exception {
    switch (kind) {
      case "hikari":
        return build("com.zaxxer.hikari.HikariDataSource",
            "setJdbcUrl", url, "setUsername", user, "setPassword", password, "setPoolName", name,
            "setMaximumPoolSize", size, "setMinimumIdle", size, "setConnectionTimeout", waitMs);
      case "dbcp2":
        return build("org.apache.commons.dbcp2.BasicDataSource",
            "setUrl", url, "setUsername", user, "setPassword", password,
            "setJmxName", jmxName(name), "setMaxTotal", size, "setMaxIdle", size,
            "setMinIdle", size, "setInitialSize", size, "setMaxWaitMillis", waitMs);
      case "dbcp":
        return build("org.apache.commons.dbcp.BasicDataSource",
            "setUrl", url, "setUsername", user, "setPassword", password,
            "setMaxActive", size, "setMaxIdle", size, "setMinIdle", size,
            "setInitialSize", size, "setMaxWait", waitMs);
      case "c3p0":
        return filled(build("com.mchange.v2.c3p0.ComboPooledDataSource",
            "setJdbcUrl", url, "setUser", user, "setPassword", password,
            "setDataSourceName", name, "setMaxPoolSize", size, "setMinPoolSize", size,
            "setInitialPoolSize", size, "setAcquireIncrement", 1, "setCheckoutTimeout", (int) waitMs),
            size);
      case "tomcat-dbcp2":
        return registeredAsTomcatDoes(build("org.apache.tomcat.dbcp.dbcp2.BasicDataSource",
            "setUrl", url, "setUsername", user, "setPassword", password,
            "setMaxTotal", size, "setMaxIdle", size, "setMinIdle", size,
            "setInitialSize", size, "setMaxWaitMillis", waitMs), name);
      case "tomcat-dbcp":
        return build("org.apache.tomcat.dbcp.dbcp.BasicDataSource",
            "setUrl", url, "setUsername", user, "setPassword", password,
            "setMaxActive", size, "setMaxIdle", size, "setMinIdle", size,
            "setInitialSize", size, "setMaxWait", waitMs);
      case "tomcat":
        return build("org.apache.tomcat.jdbc.pool.DataSource",
            "setUrl", url, "setUsername", user, "setPassword", password, "setName", name,
            "setMaxActive", size, "setMaxIdle", size, "setMinIdle", size,
            "setInitialSize", size, "setMaxWait", (int) waitMs);
      case "druid":
        return build("com.alibaba.druid.pool.DruidDataSource",
            "setUrl", url, "setUsername", user, "setPassword", password, "setName", name,
            "setMaxActive", size, "setMinIdle", size, "setInitialSize", size, "setMaxWait", waitMs);
      case "vibur":
        return started(build("org.vibur.dbcp.ViburDBCPDataSource",
            "setJdbcUrl", url, "setUsername", user, "setPassword", password, "setName", name,
            "setPoolInitialSize", size, "setPoolMaxSize", size,
            "setConnectionTimeoutInMs", waitMs));
      case "agroal":
        return agroal(size, waitMs);
      case "ucp":
        return ucp(name, size, waitMs);
      default:
        throw new IllegalArgumentException("unknown pool kind " + kind);
    }
  }

  /** The label the agent gives a pool called {@code name}, or null when it generates one. */
  static String expectedLabel(String kind, String name) {
    switch (kind) {
      case "dbcp2":
        return jmxName(name);
      case "tomcat-dbcp2":
        return jndiName(name);
      case "dbcp":
      case "tomcat-dbcp":
      case "agroal":
        return null;
      default:
        return name;
    }
  }

  static String jmxName(String name) {
    return "dev.cachedb.it:type=pool,name=" + name;
  }

  /** The JNDI name of the resource the Tomcat DBCP2 pool called {@code name} stands for. */
  static String jndiName(String name) {
    return "jdbc/" + name;
  }

  /**
   * Registers {@code ds} in JMX under the name Tomcat gives a web application's JNDI DataSource
   * when the application starts (its NamingContextListener), which the agent names the pool
   * after. Without a Tomcat the JNDI lookup itself cannot run; the real Tomcat IT covers that.
   */
  private static DataSource registeredAsTomcatDoes(DataSource ds, String name) throws Exception {
    ManagementFactory.getPlatformMBeanServer().registerMBean(ds, new ObjectName(
        "Catalina:type=DataSource,host=localhost,context=/it,class=javax.sql.DataSource,name="
            + ObjectName.quote(jndiName(name))));
    return ds;
  }

  static void close(DataSource ds) throws Exception {
    if (ds.getClass().getName().equals("oracle.ucp.jdbc.PoolDataSourceImpl")) {
      destroyUcpPool(ds);
      return;
    }
    try {
      ds.getClass().getMethod("close").invoke(ds);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (!(e.getCause() instanceof java.util.concurrent.RejectedExecutionException)
          || !agroalHousekeepingShutDown(ds)) {
        throw e;
      }
      // Agroal 1.1's close queues the executor's shutdown as a priority task, then submits an
      // empty task to wake a worker. A worker already busy with close's earlier tasks can run the
      // shutdown first, and the wake-up is rejected. The shutdown asked for has then happened; a
      // second close would only be rejected again.
      System.err.println("agroal close: its executor shut down before close's wake-up; closed");
    }
  }

  /** Whether {@code ds} is an Agroal data source whose housekeeping executor is shut down. */
  private static boolean agroalHousekeepingShutDown(DataSource ds) throws Exception {
    if (!ds.getClass().getName().startsWith("io.agroal.")) {
      return false;
    }
    Object pool = field(ds, "connectionPool");
    Object executor = pool == null ? null : field(pool, "housekeepingExecutor");
    return executor instanceof java.util.concurrent.ExecutorService
        && ((java.util.concurrent.ExecutorService) executor).isShutdown();
  }

  private static Object field(Object o, String name) throws Exception {
    for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
      } catch (NoSuchFieldException next) {
        // declared higher up
      }
    }
    return null;
  }

  /** A UCP data source has no close: its pool is destroyed through UCP's pool manager. */
  private static void destroyUcpPool(DataSource ds) throws Exception {
    Class<?> managers = Class.forName("oracle.ucp.admin.UniversalConnectionPoolManagerImpl");
    Class<?> manager = Class.forName("oracle.ucp.admin.UniversalConnectionPoolManager");
    try {
      Object m = MethodHandles.publicLookup().findStatic(managers,
          "getUniversalConnectionPoolManager", MethodType.methodType(manager)).invoke();
      Object name = MethodHandles.publicLookup().findVirtual(ds.getClass(),
          "getConnectionPoolName", MethodType.methodType(String.class)).invoke(ds);
      MethodHandles.publicLookup().findVirtual(manager, "destroyConnectionPool",
          MethodType.methodType(void.class, String.class)).invoke(m, name);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * UCP pools whatever DataSource its factory names. Set through method handles: without the
   * Oracle driver, which UCP needs only from 23 on, the data source's getMethods() fails on
   * signatures naming driver classes. Its wait is in whole seconds.
   */
  private DataSource ucp(String name, int size, long waitMs) throws Exception {
    Object ds = Class.forName("oracle.ucp.jdbc.PoolDataSourceImpl").getConstructor().newInstance();
    ucpSet(ds, "setConnectionFactoryClassName", dataSourceClass(url));
    ucpSet(ds, "setURL", url);
    ucpSet(ds, "setUser", user);
    ucpSet(ds, "setPassword", password);
    ucpSet(ds, "setConnectionPoolName", name);
    ucpSet(ds, "setInitialPoolSize", size);
    ucpSet(ds, "setMinPoolSize", size);
    ucpSet(ds, "setMaxPoolSize", size);
    ucpSet(ds, "setConnectionWaitTimeout", (int) Math.max(1, (waitMs + 999) / 1000));
    return (DataSource) ds;
  }

  private static void ucpSet(Object ds, String setter, Object value) throws Exception {
    Class<?> type = value instanceof Integer ? int.class : String.class;
    try {
      MethodHandles.publicLookup().findVirtual(ds.getClass(), setter,
          MethodType.methodType(void.class, type)).invoke(ds, value);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * The class UCP's connection factory makes connections with: the driver's DataSource, or for
   * PostgreSQL its Driver, as UCP hands a DataSource the URL through a setter pgjdbc ignores.
   */
  private static String dataSourceClass(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return "org.h2.jdbcx.JdbcDataSource";
    }
    if (url.startsWith("jdbc:mariadb:")) {
      return "org.mariadb.jdbc.MariaDbDataSource";
    }
    return "org.postgresql.Driver";
  }

  /**
   * c3p0 opens its initial connections on helper threads; on a loaded machine a first borrow with
   * a short checkout timeout could time out before they exist. Wait for them, so only the borrows
   * a scenario means to fail do.
   */
  private static DataSource filled(DataSource ds, int size) throws Exception {
    Method idle = ds.getClass().getMethod("getNumIdleConnectionsDefaultUser");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (((Number) idle.invoke(ds)).intValue() < size && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return ds;
  }

  /**
   * Agroal is configured through suppliers and lambdas; its properties reader takes the same
   * settings as strings, which reflection can pass to every version.
   */
  private DataSource agroal(int size, long waitMs) throws Exception {
    java.util.Map<String, String> settings = new java.util.HashMap<>();
    settings.put("jdbcUrl", url);
    settings.put("principal", user);
    settings.put("credential", password);
    settings.put("initialSize", String.valueOf(size));
    settings.put("minSize", String.valueOf(size));
    settings.put("maxSize", String.valueOf(size));
    settings.put("acquisitionTimeout_ms", String.valueOf(waitMs));
    Class<?> readerType =
        Class.forName("io.agroal.api.configuration.supplier.AgroalPropertiesReader");
    Object reader = readerType.getConstructor().newInstance();
    reader = readerType.getMethod("readProperties", java.util.Map.class).invoke(reader, settings);
    Class<?> listeners = Class.forName("io.agroal.api.AgroalDataSourceListener");
    Object none = java.lang.reflect.Array.newInstance(listeners, 0);
    return (DataSource) Class.forName("io.agroal.api.AgroalDataSource")
        .getMethod("from", java.util.function.Supplier.class, none.getClass())
        .invoke(null, reader, none);
  }

  /** Vibur lends nothing before {@code start()}, which opens its initial connections. */
  private static DataSource started(DataSource ds) throws Exception {
    ds.getClass().getMethod("start").invoke(ds);
    return ds;
  }

  private static DataSource build(String className, Object... setters) throws Exception {
    Object ds = Class.forName(className).getConstructor().newInstance();
    for (int i = 0; i < setters.length; i += 2) {
      set(ds, (String) setters[i], setters[i + 1]);
    }
    return (DataSource) ds;
  }

  private static void set(Object target, String setter, Object value) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(setter) && m.getParameterCount() == 1) {
        Class<?> p = m.getParameterTypes()[0];
        Object arg = value;
        if (p == long.class) {
          arg = ((Number) value).longValue();
        } else if (p == int.class) {
          arg = ((Number) value).intValue();
        } else if (!p.isInstance(value)) {
          continue;
        }
        m.invoke(target, arg);
        return;
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + setter);
  }
}
