package dev.cachedb.it.sweep;

/** One row of the sweep's table: what was checked and what came out. */
record SweepResult(SweepRow row, String checked, SweepRow.Outcome outcome, String detail) {

  boolean passed() {
    return outcome == row.expected();
  }

  /** The result cell: the outcome, and the start of why when it is not the expected one. */
  String cell() {
    String word = outcome.name().toLowerCase(java.util.Locale.ROOT);
    String why = detail.length() > 400 ? detail.substring(0, 400) + "..." : detail;
    return passed() ? word : "**" + word + "** (expected " + row.expected().name()
        .toLowerCase(java.util.Locale.ROOT) + "): " + why;
  }
}
