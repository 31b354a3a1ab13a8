package dev.cachedb.it.sweep;

/** A library the sweep covers: where Maven finds it, and the pool kind PoolFactory calls it. */
enum Library {
  LETTUCE("io.lettuce", "lettuce-core", null),
  JEDIS("redis.clients", "jedis", null),
  HIKARI("com.zaxxer", "HikariCP", "hikari"),
  DBCP2("org.apache.commons", "commons-dbcp2", "dbcp2"),
  DBCP("commons-dbcp", "commons-dbcp", "dbcp"),
  C3P0("com.mchange", "c3p0", "c3p0"),
  TOMCAT("org.apache.tomcat", "tomcat-jdbc", "tomcat"),
  // One artifact, two pool kinds: Tomcat 8.0 and later repackage DBCP2, Tomcat 7 DBCP 1.
  TOMCATDBCP2("org.apache.tomcat", "tomcat-dbcp", "tomcat-dbcp2"),
  TOMCATDBCP("org.apache.tomcat", "tomcat-dbcp", "tomcat-dbcp"),
  DRUID("com.alibaba", "druid", "druid"),
  VIBUR("org.vibur", "vibur-dbcp", "vibur"),
  AGROAL("io.agroal", "agroal-pool", "agroal"),
  UCP("com.oracle.database.jdbc", "ucp", "ucp"),
  // Spring's cache abstraction: CacheSweep, neither Redis nor a pool.
  SPRINGCONTEXT("org.springframework", "spring-context", null);

  final String groupId;
  final String artifactId;
  /** Null for the Redis clients. */
  final String poolKind;

  Library(String groupId, String artifactId, String poolKind) {
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.poolKind = poolKind;
  }

  /**
   * The artifact a version needs beside it that its pom does not name, or null: UCP 23 links
   * against the Oracle driver of its own version (ojdbc8, published up to 23.9; ojdbc11 after).
   */
  String companion(String version) {
    if (this != UCP || !version.startsWith("23.")) {
      return null;
    }
    return version.startsWith("23.26.") ? "ojdbc11" : "ojdbc8";
  }

  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
