package dev.cachedb.agent.instrumentation.tomcatdbcp.v8_0;

import dev.cachedb.agent.instrumentation.dbcp.DbcpPoolReader;
import dev.cachedb.agent.pool.Reflect;
import javax.management.ObjectName;

/**
 * DBCP2's reader in Tomcat's package, named after the JNDI resource. Tomcat registers every
 * singleton JNDI DataSource in JMX as {@code Catalina:type=DataSource,...,name="jdbc/orders"}
 * when the web application starts, before its first getConnection builds the pool, and DBCP2's
 * {@code preRegister} keeps that name in {@code registeredJmxObjectName}. The JNDI factory itself
 * only sees the last part of the name ({@code orders}), so the JMX name is the better source.
 */
final class TomcatDbcp2PoolReader extends DbcpPoolReader {
  private static final String TOMCAT_TYPE = "DataSource";

  TomcatDbcp2PoolReader() {
    // as DBCP2: a JMX name, maxTotal and a commons-pool2 pool that counts its waiters
    super("org.apache.tomcat.dbcp.dbcp2", "tomcat-dbcp2", "getJmxName", "getMaxTotal", true);
  }

  /**
   * The JNDI name Tomcat registered the pool under; else the {@code jmxName} the application set
   * (as for DBCP2); else null, and the pool is {@code tomcat-dbcp2-<n>}.
   */
  @Override
  public String ownName(Object pool) throws Exception {
    Object wrapper = Reflect.field(pool, "registeredJmxObjectName");
    Object registered = wrapper == null ? null : Reflect.field(wrapper, "objectName");
    if (registered instanceof ObjectName) {
      String jndi = jndiName((ObjectName) registered);
      if (jndi != null) {
        return jndi;
      }
    }
    return super.ownName(pool);
  }

  /** The resource name in a name of Tomcat's DataSource shape, or null for any other name. */
  static String jndiName(ObjectName name) {
    String quoted = name.getKeyProperty("name");
    if (!TOMCAT_TYPE.equals(name.getKeyProperty("type")) || quoted == null) {
      return null;
    }
    try {
      return ObjectName.unquote(quoted);
    } catch (IllegalArgumentException notQuoted) {
      return quoted;
    }
  }
}
