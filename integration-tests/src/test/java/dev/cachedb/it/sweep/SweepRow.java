package dev.cachedb.it.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of {@code versions.csv}: a library release and what the agent must do with it. The
 * table lives in that one file; the resolver and the runners read it from here.
 */
record SweepRow(Library library, String version, Outcome expected) {

  /** What a row turned out to be. {@code REFUSED}: the agent left the version alone, out loud. */
  enum Outcome {
    WORKS,
    REFUSED,
    FAILED
  }

  /** The folder of jars under {@code target/libs/sweep}, e.g. {@code jedis-2.9.3}. */
  String folder() {
    return library.id() + "-" + version;
  }

  static List<SweepRow> table() throws IOException {
    List<SweepRow> rows = new ArrayList<>();
    try (InputStream in = SweepRow.class.getResourceAsStream("versions.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",");
        rows.add(new SweepRow(Library.valueOf(f[0].trim().toUpperCase(Locale.ROOT)), f[1].trim(),
            Outcome.valueOf(f[2].trim().toUpperCase(Locale.ROOT))));
      }
    }
    return rows;
  }
}
