package dev.cachedb.agent.instrumentation.jdbc;

import dev.cachedb.agent.instrumentation.SafeSuperTypes;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Type matchers for "any implementation of a JDBC interface". No name can pick drivers out ahead
 * of time (any package may hold one), so the super-type walk runs for every class; the cheap name
 * test first skips big families that never implement JDBC, and interfaces are skipped because
 * they hold no code to advise.
 */
final class JdbcTypes {
  private JdbcTypes() {}

  static ElementMatcher<TypeDescription> implementing(String jdbcInterface) {
    // The interface test last: it parses the class, the super-type test reads headers only.
    return not(neverJdbc())
        .and(SafeSuperTypes.named(jdbcInterface))
        .and(not(isInterface()));
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
