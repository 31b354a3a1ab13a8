package dev.cachedb.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped Grafana dashboard ({@code deploy/grafana/cachedb-dashboard.json}) as Grafana reads
 * it: every panel's PromQL expressions and every template variable's {@code label_values} query,
 * with Grafana's variable substitution, so a test can run exactly what a user's Grafana would.
 */
public final class Dashboard {
  /** JSON string values; the generator writes one key per line, so no nesting is needed. */
  private static final Pattern STRING_FIELD =
      Pattern.compile("\"(title|expr|definition|name)\": \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((?:(.*),\\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\\)");

  private final List<Query> queries = new ArrayList<>();
  private final List<Variable> variables = new ArrayList<>();

  private Dashboard(String json) {
    String title = "";
    String name = "";
    Matcher m = STRING_FIELD.matcher(json);
    while (m.find()) {
      String value = unescape(m.group(2));
      switch (m.group(1)) {
        case "title":
          title = value;
          break;
        case "name":
          name = value;
          break;
        case "expr":
          queries.add(new Query(title, value));
          break;
        default: // definition: a query variable's label_values(...)
          Matcher lv = LABEL_VALUES.matcher(value);
          if (!lv.matches()) {
            throw new IllegalStateException("variable " + name + ": not label_values: " + value);
          }
          variables.add(new Variable(name, lv.group(1), lv.group(2)));
      }
    }
  }

  /** The dashboard the build ships (the deploy folder, passed to the tests by Failsafe). */
  public static Dashboard shipped() throws IOException {
    Path json = Paths.get(System.getProperty("it.deploy.dir"), "grafana", "cachedb-dashboard.json");
    return new Dashboard(Files.readString(json));
  }

  public List<Query> queries() {
    return queries;
  }

  public List<Variable> variables() {
    return variables;
  }

  /**
   * Replaces {@code $name} and {@code ${name}} by their values, longest names first, so
   * {@code $__rate_interval} is not read as {@code $__rate} plus text.
   */
  public static String substitute(String text, Map<String, String> values) {
    List<String> names = new ArrayList<>(values.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    String out = text;
    for (String n : names) {
      out = out.replace("${" + n + "}", values.get(n)).replace("$" + n, values.get(n));
    }
    return out;
  }

  /**
   * The text Grafana puts in a {@code =~} matcher for a multi-value variable: each value with its
   * regex characters escaped, joined as {@code (a|b)}; the backslashes doubled for the PromQL
   * string literal.
   */
  public static String regexOf(List<String> values) {
    List<String> escaped = new ArrayList<>();
    for (String v : values) {
      escaped.add(v.replaceAll("([\\\\^$*+?.()|\\[\\]{}])", "\\\\\\\\$1"));
    }
    return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
  }

  private static String unescape(String json) {
    return json.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** One target of one panel. */
  public static final class Query {
    public final String panel;
    public final String expr;

    Query(String panel, String expr) {
      this.panel = panel;
      this.expr = expr;
    }
  }

  /** A query variable: {@code label_values(selector, label)}; selector may be null. */
  public static final class Variable {
    public final String name;
    public final String selector;
    public final String label;

    Variable(String name, String selector, String label) {
      this.name = name;
      this.selector = selector;
      this.label = label;
    }
  }
}
