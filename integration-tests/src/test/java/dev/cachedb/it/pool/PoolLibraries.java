package dev.cachedb.it.pool;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every pool library version the agent is tested with: the oldest and newest of each line. */
final class PoolLibraries {

  private PoolLibraries() {}

  static Stream<Arguments> all() {
    return Stream.of(
        Arguments.of("hikari", "pool-hikari-2.7.9"),
        Arguments.of("hikari", "pool-hikari-7.1.0"),
        Arguments.of("dbcp2", "pool-dbcp2-2.1.1"),
        Arguments.of("dbcp2", "pool-dbcp2-2.14.0"),
        Arguments.of("dbcp", "pool-dbcp-1.4"),
        Arguments.of("c3p0", "pool-c3p0-0.9.5.5"),
        Arguments.of("c3p0", "pool-c3p0-0.14.1"),
        Arguments.of("tomcat", "pool-tomcat-jdbc-8.5.100"),
        Arguments.of("tomcat", "pool-tomcat-jdbc-11.0.27"),
        Arguments.of("tomcat-dbcp2", "pool-tomcat-dbcp-8.0.53"),
        Arguments.of("tomcat-dbcp2", "pool-tomcat-dbcp-11.0.18"),
        Arguments.of("tomcat-dbcp", "pool-tomcat-dbcp-7.0.109"),
        Arguments.of("druid", "pool-druid-1.1.0"),
        Arguments.of("druid", "pool-druid-1.2.28"),
        Arguments.of("vibur", "pool-vibur-22.0"),
        Arguments.of("vibur", "pool-vibur-26.0"),
        Arguments.of("agroal", "pool-agroal-1.1"),
        Arguments.of("agroal", "pool-agroal-2.8"),
        Arguments.of("ucp", "pool-ucp-19.3"),
        Arguments.of("ucp", "pool-ucp-23.26"));
  }
}
