package dev.cachedb.agent.metrics;

/**
 * Makes a label value the agent takes from the application (a pool's name, a Redis server's
 * host) safe to export: at most {@value #MAX_LENGTH} characters, never a broken surrogate pair,
 * and no control character other than a newline. Escaping is the exporter's job, and client_java
 * escapes {@code \}, {@code "} and newline in the text formats (protobuf needs none); what is left
 * here are characters those formats allow but line-oriented tools choke on ({@code \r}, NUL, ...),
 * which become {@code _}. Call it once, where the value enters the agent, never per sample.
 *
 * <pre>
 * LabelValues.bound("orders\r\npool")  = "orders_\npool"
 * LabelValues.bound(tenThousandChars) = its first 128 characters
 * </pre>
 */
public final class LabelValues {
  /** Enough for any real pool name or host:port; a label is stored in every series it labels. */
  public static final int MAX_LENGTH = 128;

  private LabelValues() {}

  /** The value bounded and cleaned as described above; null becomes the empty string. */
  public static String bound(String value) {
    if (value == null) {
      return "";
    }
    int end = Math.min(value.length(), MAX_LENGTH);
    if (end < value.length()
        && Character.isHighSurrogate(value.charAt(end - 1))
        && Character.isLowSurrogate(value.charAt(end))) {
      end--; // never cut a character in half
    }
    StringBuilder out = null;
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      char fixed = c;
      if (Character.isISOControl(c) && c != '\n') {
        fixed = '_';
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < end && Character.isLowSurrogate(value.charAt(i + 1))) {
          if (out != null) {
            out.append(c).append(value.charAt(i + 1));
          }
          i++;
          continue;
        }
        fixed = '_';
      } else if (Character.isLowSurrogate(c)) {
        fixed = '_'; // a low surrogate without its high one
      }
      if (fixed != c && out == null) {
        out = new StringBuilder(end).append(value, 0, i);
      }
      if (out != null) {
        out.append(fixed);
      }
    }
    if (out != null) {
      return out.toString();
    }
    return end == value.length() ? value : value.substring(0, end);
  }
}
