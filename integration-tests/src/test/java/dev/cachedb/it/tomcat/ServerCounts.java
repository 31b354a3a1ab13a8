package dev.cachedb.it.tomcat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;

/**
 * What MariaDB and Redis counted themselves: the independent truth TomcatIT holds the agent's
 * counts against. Read from the test's own JVM, which runs no agent, so reading counts nothing.
 */
final class ServerCounts {
  /** MariaDB's {@code Com_*} statement counters, by statement kind (lower case, e.g. select). */
  final Map<String, Long> statements;
  /** performance_schema's statement digests (normalized text) and their executions. */
  final Map<String, Long> digests;
  /** Redis's {@code INFO commandstats} calls, by command (lower case). */
  final Map<String, Long> commands;
  final long keyspaceHits;
  final long keyspaceMisses;

  private ServerCounts(
      Map<String, Long> statements,
      Map<String, Long> digests,
      Map<String, Long> commands,
      long hits,
      long misses) {
    this.statements = statements;
    this.digests = digests;
    this.commands = commands;
    this.keyspaceHits = hits;
    this.keyspaceMisses = misses;
  }

  /**
   * Resets Redis's statistics ({@code CONFIG RESETSTAT}) and reads MariaDB's counters: the start
   * of a window whose Redis figures are then absolute and whose MariaDB figures are deltas.
   */
  static ServerCounts startWindow(Connection mariaDb, Jedis redis) throws SQLException {
    redis.configResetStat();
    return read(mariaDb, redis);
  }

  static ServerCounts read(Connection mariaDb, Jedis redis) throws SQLException {
    Map<String, Long> statements = new TreeMap<>();
    try (Statement s = mariaDb.createStatement();
        ResultSet r = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com\\_%'")) {
      while (r.next()) {
        statements.put(r.getString(1).substring("Com_".length()).toLowerCase(), r.getLong(2));
      }
    }
    // Needs a server started with --performance-schema=ON.
    Map<String, Long> digests = new TreeMap<>();
    try (Statement s = mariaDb.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT DIGEST_TEXT, COUNT_STAR FROM"
                    + " performance_schema.events_statements_summary_by_digest"
                    + " WHERE DIGEST_TEXT IS NOT NULL")) {
      while (r.next()) {
        digests.merge(r.getString(1), r.getLong(2), Long::sum);
      }
    }
    Map<String, Long> commands = new TreeMap<>();
    for (String line : redis.info("commandstats").split("\r\n")) {
      if (line.startsWith("cmdstat_")) {
        String command = line.substring("cmdstat_".length(), line.indexOf(':'));
        String calls = line.substring(line.indexOf("calls=") + "calls=".length());
        commands.put(command, Long.parseLong(calls.substring(0, calls.indexOf(','))));
      }
    }
    String stats = redis.info("stats");
    return new ServerCounts(
        statements,
        digests,
        commands,
        field(stats, "keyspace_hits"),
        field(stats, "keyspace_misses"));
  }

  /** MariaDB's count of {@code kind} statements since {@code start}. */
  long statementsSince(ServerCounts start, String kind) {
    return statements.getOrDefault(kind, 0L) - start.statements.getOrDefault(kind, 0L);
  }

  /** Every MariaDB counter that moved since {@code start}, with its delta. */
  Map<String, Long> movedSince(ServerCounts start) {
    return moved(statements, start.statements);
  }

  /** Every statement digest executed since {@code start}, with its count. */
  Map<String, Long> digestsSince(ServerCounts start) {
    return moved(digests, start.digests);
  }

  private static Map<String, Long> moved(Map<String, Long> now, Map<String, Long> then) {
    Map<String, Long> moved = new TreeMap<>();
    now.forEach(
        (key, n) -> {
          long delta = n - then.getOrDefault(key, 0L);
          if (delta != 0) {
            moved.put(key, delta);
          }
        });
    return moved;
  }

  private static long field(String info, String name) {
    for (String line : info.split("\r\n")) {
      if (line.startsWith(name + ":")) {
        return Long.parseLong(line.substring(name.length() + 1).trim());
      }
    }
    throw new IllegalStateException("no " + name + " in INFO");
  }
}
