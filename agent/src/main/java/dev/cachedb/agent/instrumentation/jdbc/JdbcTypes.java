package dev.cachedb.agent.instrumentation.jdbc;

import dev.cachedb.agent.instrumentation.DeclaresMethod;
import dev.cachedb.agent.instrumentation.SafeSuperTypes;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Type matchers for "any implementation of a JDBC interface". No name can pick drivers out ahead
 * of time (any package may hold one), so the super-type walk runs for every class; the cheap name
 * test first skips big families that never implement JDBC, and interfaces are skipped because
 * they hold no code to advise.
 *
 * <p>The known pools' proxy connections and statements are left alone: each only delegates to the
 * driver's, which is advised and sees the same prepare and execute. Advising both would count the
 * call once anyway (the depth counter), but would pay a second thread-local lookup per execute and
 * grow the proxy's method past what the JIT inlines.
 */
final class JdbcTypes {
  private JdbcTypes() {}

  /**
   * Classes implementing {@code jdbcInterface} that declare a method named one of
   * {@code advised}. The declared-method test first: it rejects nearly every class the application
   * loads with one look at its method table, so the name tests run for a few dozen classes, and
   * the super-type walk (which may read the super types' class files) for fewer still.
   */
  static ElementMatcher<TypeDescription> implementing(String jdbcInterface, String... advised) {
    return DeclaresMethod.named(advised)
        .and(not(isInterface()))
        .and(not(neverJdbc()))
        .and(not(poolProxies()))
        .and(SafeSuperTypes.named(jdbcInterface));
  }

  /**
   * The pools' JDBC proxies: everything in these packages that implements a JDBC interface wraps a
   * driver object. (Tomcat JDBC's proxies are JDK dynamic proxies, ignored as such.)
   */
  private static ElementMatcher.Junction<TypeDescription> poolProxies() {
    return nameStartsWith("com.zaxxer.hikari.pool.")
        .or(nameStartsWith("org.apache.commons.dbcp2."))
        .or(nameStartsWith("org.apache.commons.dbcp."))
        .or(nameStartsWith("com.mchange.v2.c3p0."))
        .or(nameStartsWith("org.apache.tomcat.jdbc.pool."));
  }

  /** Libraries that use JDBC but never implement its interfaces. */
  private static ElementMatcher.Junction<TypeDescription> neverJdbc() {
    return nameStartsWith("kotlin.")
        .or(nameStartsWith("scala."))
        .or(nameStartsWith("groovy."))
        .or(nameStartsWith("org.codehaus.groovy."))
        .or(nameStartsWith("com.fasterxml."))
        .or(nameStartsWith("io.netty."))
        .or(nameStartsWith("org.slf4j."))
        .or(nameStartsWith("ch.qos.logback."))
        .or(nameStartsWith("org.apache.logging."))
        .or(nameStartsWith("com.google.common."))
        .or(nameStartsWith("org.junit."))
        .or(nameStartsWith("org.assertj."))
        .or(nameStartsWith("io.micrometer."))
        .or(nameStartsWith("reactor."));
  }
}
