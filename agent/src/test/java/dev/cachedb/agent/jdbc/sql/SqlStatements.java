package dev.cachedb.agent.jdbc.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The statement table in statements.txt, shared by the classifier test and the fuzz test. */
final class SqlStatements {

  /** One row: the SQL and the classification it must get. */
  static final class Row {
    final String type;
    final String table;
    final String sql;

    Row(String type, String table, String sql) {
      this.type = type;
      this.table = table;
      this.sql = sql;
    }

    @Override
    public String toString() {
      return sql;
    }
  }

  private static final List<Row> ROWS = load();

  private SqlStatements() {}

  static List<Row> rows() {
    return ROWS;
  }

  private static List<Row> load() {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = SqlStatements.class.getResourceAsStream("statements.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("//") || line.trim().isEmpty()) {
          continue;
        }
        int a = line.indexOf('|');
        int b = line.indexOf('|', a + 1);
        String sql = line.substring(b + 1).trim().replace("\\n", "\n").replace("\\t", "\t");
        rows.add(new Row(line.substring(0, a).trim(), line.substring(a + 1, b).trim(), sql));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableList(rows);
  }
}
