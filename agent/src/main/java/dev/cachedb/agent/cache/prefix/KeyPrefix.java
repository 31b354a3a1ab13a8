package dev.cachedb.agent.cache.prefix;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;

/** One prefix label with its resolved data points, so counting a read never looks labels up. */
public final class KeyPrefix {
  final int hash;
  final String label;
  private final CounterDataPoint hit;
  private final CounterDataPoint miss;

  KeyPrefix(int hash, String label, Counter reads) {
    this.hash = hash;
    this.label = label;
    this.hit = reads.labelValues(label, "hit");
    this.miss = reads.labelValues(label, "miss");
  }

  public void read(int hits, int misses) {
    if (hits > 0) {
      hit.inc(hits);
    }
    if (misses > 0) {
      miss.inc(misses);
    }
  }

  /** Whether the key, {@code keyLength} long, is this prefix's label and then the delimiter. */
  boolean begins(byte[] bytes, String text, int keyLength, char delimiter) {
    int length = label.length();
    if (keyLength <= length) {
      return false;
    }
    char next = bytes != null ? (char) (bytes[length] & 0xff) : text.charAt(length);
    return next == delimiter && matches(bytes, text, length);
  }

  /** Whether this is the prefix of the first {@code length} chars of the key. */
  boolean matches(byte[] bytes, String text, int length) {
    if (label.length() != length) {
      return false;
    }
    if (bytes == null) {
      return text.regionMatches(0, label, 0, length);
    }
    for (int i = 0; i < length; i++) {
      if (bytes[i] != label.charAt(i)) { // a label holds ASCII only
        return false;
      }
    }
    return true;
  }
}
