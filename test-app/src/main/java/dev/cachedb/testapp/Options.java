package dev.cachedb.testapp;

/** The test application's command-line options. */
final class Options {
  long seconds = 0;
  long rounds = -1;
  long intervalMs = 100;
  boolean linger = false;
  String jdbcUrl = "jdbc:h2:mem:testapp;DB_CLOSE_DELAY=-1";
  /** host:port of a Redis to use; null starts an embedded one. */
  String redis = null;
  /** Which Redis clients run their workload: jedis, lettuce, or both (comma-separated). */
  String redisClients = "jedis,lettuce";
  /** Connection-pool workloads: none by default, a comma list of kinds, or {@code all}. */
  String[] pools = new String[0];
  /** Also create and close pools and Redis clients as it runs (the soak's churn). */
  boolean churn = false;
  /** Extra tables queried in turn (scrape benchmark: about 100 exposition lines each); 0: none. */
  int tables = 0;
  /** Adds {@link TroubleWorkload}: a failing query, a slow query and a starved pool per round. */
  boolean trouble = false;
  /** Adds {@link AppCacheWorkload}: gets and puts on a JCache cache (Ehcache 3). */
  boolean appCache = false;

  static Options parse(String[] args) {
    Options o = new Options();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? "" : arg.substring(eq + 1);
      switch (name) {
        case "--seconds":
          o.seconds = Long.parseLong(value);
          break;
        case "--rounds":
          o.rounds = Long.parseLong(value);
          break;
        case "--interval-ms":
          o.intervalMs = Long.parseLong(value);
          break;
        case "--linger":
          o.linger = true;
          break;
        case "--jdbc-url":
          o.jdbcUrl = value;
          break;
        case "--redis-clients":
          o.redisClients = value;
          break;
        case "--redis":
          o.redis = value;
          break;
        case "--churn":
          o.churn = true;
          break;
        case "--tables":
          o.tables = Integer.parseInt(value);
          break;
        case "--trouble":
          o.trouble = true;
          break;
        case "--app-cache":
          o.appCache = true;
          break;
        case "--pools":
          o.pools = value.equals("all") ? PoolWorkload.KINDS.clone() : value.split(",");
          break;
        default:
          throw new IllegalArgumentException(
              "unknown option " + name
                  + "; options: --seconds=N --rounds=N --interval-ms=N --linger --jdbc-url=URL"
                  + " --redis=HOST:PORT --redis-clients=jedis,lettuce"
                  + " --pools=all|hikari,dbcp2,dbcp,c3p0,tomcat --churn --tables=N --trouble --app-cache");
      }
    }
    return o;
  }
}
