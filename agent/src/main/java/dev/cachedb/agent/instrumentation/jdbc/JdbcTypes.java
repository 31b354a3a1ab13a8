package dev.cachedb.agent.instrumentation.jdbc;

import dev.cachedb.agent.instrumentation.Implementing;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Type matchers for "any implementation of a JDBC interface". No name can pick drivers out ahead
 * of time (any package may hold one), so the matcher is asked of every class ({@link
 * Implementing} says in which order it tests); interfaces are skipped because they hold no code to
 * advise, and big families that never implement JDBC are skipped by name.
 *
 * <p>The known pools' proxy connections and statements are left alone: each only delegates to the
 * driver's, which is advised and sees the same prepare and execute. Advising both would count the
 * call once anyway (the depth counter), but would pay a second thread-local lookup per execute and
 * grow the proxy's method past what the JIT inlines.
 */
final class JdbcTypes {
  private static final String[] EXCLUDED = {
    // The pools' JDBC proxies: everything in these packages that implements a JDBC interface
    // wraps a driver object. (Tomcat JDBC's and Vibur's proxies are JDK dynamic proxies, ignored
    // as such.)
    "com.zaxxer.hikari.pool.",
    "org.apache.commons.dbcp2.",
    "org.apache.commons.dbcp.",
    "com.mchange.v2.c3p0.",
    "org.apache.tomcat.jdbc.pool.",
    // Tomcat's DBCP: DBCP2 (8.0 on) or DBCP 1 (7.0) repackaged under this prefix
    "org.apache.tomcat.dbcp.",
    "com.alibaba.druid.pool.",
    "io.agroal.pool.wrapper.",
    // UCP's proxies, made at build time (23) or at run time (19, 21) in this package
    "oracle.ucp.jdbc.proxy.",
    // Libraries that use JDBC but never implement its interfaces.
    "kotlin.",
    "scala.",
    "groovy.",
    "org.codehaus.groovy.",
    "com.fasterxml.",
    "io.netty.",
    "org.slf4j.",
    "ch.qos.logback.",
    "org.apache.logging.",
    "com.google.common.",
    "org.junit.",
    "org.assertj.",
    "io.micrometer.",
    "reactor.",
  };

  private JdbcTypes() {}

  /** Classes implementing {@code jdbcInterface} that declare a method named one of these. */
  static ElementMatcher<TypeDescription> implementing(String jdbcInterface, String... advised) {
    return Implementing.type(jdbcInterface, advised, EXCLUDED);
  }
}
