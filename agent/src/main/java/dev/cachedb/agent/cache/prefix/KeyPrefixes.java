package dev.cachedb.agent.cache.prefix;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Redis reads per key prefix: the prefix of a key found in a fixed table of the prefixes seen so
 * far, with no lock and no allocation once a prefix has been seen.
 *
 * <pre>
 * # TYPE cache_key_prefix_reads_total counter
 * cache_key_prefix_reads_total{prefix="user",result="hit"} 70.0
 * cache_key_prefix_reads_total{prefix="user",result="miss"} 30.0
 * cache_key_prefix_reads_total{prefix="none",result="miss"} 1.0
 * </pre>
 *
 * <p>The table is open-addressed by the prefix's hash and compared by its text, so a lookup reads
 * the key in place: a String's chars or a binary key's bytes, whichever the client holds. An
 * entry is published by compare-and-set and never changes or leaves, so readers need no lock; a
 * racing insert of the same prefix loses the slot and finds the winner's entry on the next read
 * of it. The table has room for twice the cap, so a probe always ends at a free slot or a match.
 * Only the first sight of a prefix allocates (its label and data points).
 */
public final class KeyPrefixes {
  /** Longer prefixes are {@code other}: a name is short, and scanning stays bounded. */
  static final int MAX_LENGTH = 32;

  private final Counter reads;
  private final char delimiter;
  private final int max;
  private final AtomicReferenceArray<KeyPrefix> table;
  private final int mask;
  private final AtomicInteger distinct = new AtomicInteger();
  private final KeyPrefix none;
  private final KeyPrefix other;
  /**
   * The last prefix found per pair of first chars: a key that begins with its label and the
   * delimiter has that prefix, found without scanning and hashing the key (the label holds no
   * delimiter, so the key's first one is where the label ends). Read and written without
   * ordering: a prefix's fields are final, and a stale or missing one only means the full look-up.
   */
  private final KeyPrefix[] recent = new KeyPrefix[RECENT];

  private static final int RECENT = 256;

  public KeyPrefixes(PrometheusRegistry registry, char delimiter, int max) {
    this.reads =
        Counter.builder()
            .name("cache_key_prefix_reads_total")
            .help("Redis reads by the prefix of their key, hit or miss")
            .labelNames("prefix", "result")
            .withoutExemplars() // the exemplar sampler allocates on the application's thread
            .register(registry);
    this.delimiter = delimiter;
    this.max = max;
    int size = Integer.highestOneBit(Math.max(4, max * 2 - 1)) << 1;
    this.table = new AtomicReferenceArray<KeyPrefix>(size);
    this.mask = size - 1;
    this.none = new KeyPrefix(0, "none", reads);
    this.other = new KeyPrefix(0, "other", reads);
  }

  /** The prefix of a key as a client holds it: a {@code byte[]} or a String; else other. */
  public KeyPrefix of(Object key) {
    if (key instanceof byte[]) {
      return find((byte[]) key, null);
    }
    if (key instanceof String) {
      return find(null, (String) key);
    }
    return other;
  }

  public KeyPrefix other() {
    return other;
  }

  private KeyPrefix find(byte[] bytes, String text) {
    int length = bytes != null ? bytes.length : text.length();
    if (length < 2) {
      return length == 0 ? none : scanned(bytes, text);
    }
    int first = bytes != null ? bytes[0] : text.charAt(0);
    int second = bytes != null ? bytes[1] : text.charAt(1);
    int at = ((first << 4) ^ second) & (RECENT - 1);
    KeyPrefix p = recent[at];
    if (p != null && p.begins(bytes, text, length, delimiter)) {
      return p;
    }
    p = scanned(bytes, text);
    if (p != none && p != other) {
      recent[at] = p;
    }
    return p;
  }

  private KeyPrefix scanned(byte[] bytes, String text) {
    long shape = PrefixShape.scan(bytes, text, delimiter, MAX_LENGTH);
    if (shape == PrefixShape.NONE) {
      return none;
    }
    if (shape == PrefixShape.OTHER) {
      return other;
    }
    int length = (int) shape;
    int hash = (int) (shape >>> 32);
    for (int i = hash & mask, probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
      KeyPrefix p = table.get(i);
      if (p == null) {
        p = insert(i, hash, bytes, text, length);
        if (p != null) {
          return p;
        }
        p = table.get(i); // lost the race for this slot: maybe to the same prefix
      }
      if (p.hash == hash && p.matches(bytes, text, length)) {
        return p;
      }
    }
    return other;
  }

  /** The new prefix in slot {@code i}, {@link #other} past the cap, null if the slot was taken. */
  private KeyPrefix insert(int i, int hash, byte[] bytes, String text, int length) {
    if (distinct.get() >= max) {
      return other;
    }
    if (distinct.incrementAndGet() > max) {
      distinct.decrementAndGet();
      return other;
    }
    String label =
        bytes != null
            ? new String(bytes, 0, length, StandardCharsets.US_ASCII)
            : text.substring(0, length);
    KeyPrefix p = new KeyPrefix(hash, label, reads);
    if (table.compareAndSet(i, null, p)) {
      return p;
    }
    distinct.decrementAndGet();
    return null;
  }
}
