package dev.cachedb.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One round of the query workload on one table: INSERT, SELECT, UPDATE and DELETE as prepared
 * statements, then a batch of two INSERTs. The table is {@code <name>(id INT PRIMARY KEY, name
 * VARCHAR(64))}; each round uses fresh ids, and leaves the table as it found it.
 */
final class QueryRound {
  private final String table;

  QueryRound(String table) {
    this.table = table;
  }

  void createTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY, name VARCHAR(64))");
      s.execute("DELETE FROM " + table);
    }
  }

  void run(Connection c, int round) throws SQLException {
    int id = round * 3;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, "name-" + id);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET name = ? WHERE id = ?")) {
      ps.setString(1, "renamed-" + id);
      ps.setInt(2, id);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
      for (int k = 1; k <= 2; k++) {
        ps.setInt(1, id + k);
        ps.setString(2, "batch-" + (id + k));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id >= ? AND id <= ?")) {
      ps.setInt(1, id);
      ps.setInt(2, id + 2);
      ps.executeUpdate();
    }
  }
}
