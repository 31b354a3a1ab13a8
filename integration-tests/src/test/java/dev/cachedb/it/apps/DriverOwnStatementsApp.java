package dev.cachedb.it.apps;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM that calls, N times each, the Connection and DatabaseMetaData methods that drivers
 * implement by sending SQL of their own, then runs one application statement M times. After each
 * step it scrapes its own agent and prints how much {@code db_queries_total} grew:
 *
 * <pre>
 * DriverOwnStatementsApp URL USER PASSWORD pool|direct N M METRICS_PORT
 * step &lt;name&gt; +&lt;growth&gt;    (one line per step)
 * done
 * </pre>
 *
 * The test holds every driver step to +0 and the statement step to +M. Table customers (id, name)
 * is created by the test.
 */
public final class DriverOwnStatementsApp {
  private final String url;
  private final String user;
  private final String password;
  private final HikariDataSource pool;
  private final int metricsPort;
  private double counted; // db_queries_total's sum at the end of the last step

  private DriverOwnStatementsApp(
      String url, String user, String password, boolean pooled, int metricsPort) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.metricsPort = metricsPort;
    // HikariCP's start asks the driver for isolation, auto-commit and validity.
    pool = pooled ? QueryWorkloadApp.smallPool(url, user, password, "driver-own") : null;
  }

  public static void main(String[] args) throws Exception {
    DriverOwnStatementsApp app = new DriverOwnStatementsApp(
        args[0], args[1], args[2], args[3].equals("pool"), Integer.parseInt(args[6]));
    try {
      app.run(Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    } catch (Exception e) {
      e.printStackTrace();
      System.out.println("step failed: " + e); // the test's list of steps then tells at once
    }
    System.out.println("done");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private interface Work {
    void run(Connection c) throws Exception;
  }

  private Connection connect() throws SQLException {
    return pool != null ? pool.getConnection() : DriverManager.getConnection(url, user, password);
  }

  private void run(int n, int m) throws Exception {
    step("start", 1, c -> {}); // whatever a pool's start and connecting sent
    List<String> names = new ArrayList<>();
    List<Work> steps = new ArrayList<>();
    names.add("getTransactionIsolation");
    steps.add(Connection::getTransactionIsolation);
    names.add("setTransactionIsolation");
    steps.add(c -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
    names.add("setReadOnly");
    steps.add(c -> {
      c.setReadOnly(true);
      c.setReadOnly(false);
    });
    names.add("isReadOnly");
    steps.add(Connection::isReadOnly);
    names.add("getAutoCommit");
    steps.add(Connection::getAutoCommit);
    names.add("setAutoCommit+commit+rollback");
    steps.add(c -> {
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
    });
    names.add("setSavepoint+releaseSavepoint");
    steps.add(c -> {
      c.setAutoCommit(false);
      Savepoint sp = c.setSavepoint("sp1");
      c.rollback(sp);
      Savepoint again = c.setSavepoint("sp2");
      c.releaseSavepoint(again);
      c.rollback();
      c.setAutoCommit(true);
    });
    names.add("getCatalog+setCatalog");
    steps.add(c -> {
      String catalog = c.getCatalog();
      if (catalog != null) {
        c.setCatalog(catalog);
      }
    });
    names.add("getSchema+setSchema");
    steps.add(c -> {
      String schema = c.getSchema();
      if (schema != null) {
        c.setSchema(schema);
      }
    });
    names.add("isValid");
    steps.add(c -> c.isValid(5));
    names.add("prepareStatement");
    steps.add(c -> c.prepareStatement("SELECT name FROM customers WHERE id = ?").close());
    names.add("getMetaData");
    steps.add(DriverOwnStatementsApp::readMetaData);
    names.add("connect");
    steps.add(c -> connect().close());
    try (Connection c = connect()) {
      for (int i = 0; i < names.size(); i++) {
        step(names.get(i), n, c, steps.get(i));
      }
      step("statement", m, c, DriverOwnStatementsApp::applicationStatement);
    }
  }

  /** What Hibernate and schema tools ask at start. */
  private static void readMetaData(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    md.getDatabaseProductVersion();
    md.getUserName();
    boolean upper = md.storesUpperCaseIdentifiers();
    String table = upper ? "CUSTOMERS" : "customers";
    drain(md.getTables(c.getCatalog(), null, table, new String[] {"TABLE"}));
    drain(md.getColumns(c.getCatalog(), null, table, null));
    drain(md.getPrimaryKeys(c.getCatalog(), null, table));
    drain(md.getIndexInfo(c.getCatalog(), null, table, false, true));
    drain(md.getImportedKeys(c.getCatalog(), null, table));
    drain(md.getSchemas());
    drain(md.getCatalogs());
    drain(md.getTypeInfo());
  }

  /** The application's statement, with the result-set metadata an ORM reads from it. */
  private static void applicationStatement(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name FROM customers")) {
      ResultSetMetaData md = rs.getMetaData();
      md.getColumnLabel(1);
      md.isAutoIncrement(1);
      md.isNullable(2);
      md.getTableName(1);
      md.getSchemaName(1);
      drain(rs);
    }
  }

  private static void drain(ResultSet rs) throws SQLException {
    try {
      while (rs.next()) {
        rs.getObject(1);
      }
    } finally {
      rs.close();
    }
  }

  private void step(String name, int times, Work work) throws Exception {
    try (Connection c = connect()) {
      step(name, times, c, work);
    }
  }

  private void step(String name, int times, Connection c, Work work) throws Exception {
    for (int i = 0; i < times; i++) {
      work.run(c);
    }
    double now = queriesCounted();
    System.out.println("step " + name + " +" + (long) (now - counted));
    counted = now;
    System.out.flush();
  }

  /** The sum of db_queries_total over all its series, read from this JVM's agent. */
  private double queriesCounted() throws IOException {
    HttpURLConnection http = (HttpURLConnection)
        new URL("http://127.0.0.1:" + metricsPort + "/metrics").openConnection();
    http.setRequestProperty("Accept", "text/plain");
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try (InputStream in = http.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        body.write(buffer, 0, n);
      }
    }
    double sum = 0;
    for (String line : new String(body.toByteArray(), StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("db_queries_total{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
