package dev.cachedb.agent.bootstrap;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Start times (and per-element counts) of Redis commands between dispatch and completion, keyed by
 * object identity, in preallocated arrays: no allocation per command.
 *
 * <p>Why not a field on the command: the agent may attach after Lettuce's classes are loaded, and
 * retransformation cannot add fields. Why not a weak map: it allocates an entry per command. The
 * key is the command's output object, which every wrapper (async, cluster, reactive) shares with
 * the innermost command, so one logical command has exactly one slot however it is wrapped.
 *
 * <p>Open addressing with a bounded probe: a key lives in one of {@link #PROBE} slots after its
 * identity hash. A slot is claimed by compare-and-set and freed by the thread that finishes the
 * command, so concurrent commands never share one. When every slot of a probe is busy the command
 * is simply not timed (not counted): bounded memory beats completeness under absurd concurrency.
 * Slots older than {@link #STALE_NANOS} (a command abandoned without completion) are reclaimed.
 */
final class InFlightCommands {
  static final int SIZE = 1 << 13;
  static final int PROBE = 16;
  static final long STALE_NANOS = 3_600_000_000_000L;
  private static final int MASK = SIZE - 1;

  private final AtomicReferenceArray<Object> keys = new AtomicReferenceArray<Object>(SIZE);
  private final long[] starts = new long[SIZE];
  // Written and read on the connection's event-loop thread, which decodes the reply and completes
  // the command; plain ints are enough.
  private final int[] present = new int[SIZE];
  private final int[] absent = new int[SIZE];

  /** Claims a slot for {@code key} unless it has one already (a retried or re-routed command). */
  void start(Object key, long now) {
    int h = System.identityHashCode(key);
    int free = -1;
    for (int i = 0; i < PROBE; i++) {
      int s = (h + i) & MASK;
      Object k = keys.get(s);
      if (k == key) {
        return;
      }
      if (free < 0 && (k == null || now - starts[s] > STALE_NANOS)) {
        free = s;
      }
    }
    if (free >= 0) {
      Object old = keys.get(free);
      if (keys.compareAndSet(free, old, key)) {
        starts[free] = now;
        present[free] = 0;
        absent[free] = 0;
      }
    }
  }

  /** The slot of {@code key}, or -1 when it is not in flight. */
  int find(Object key) {
    if (key == null) {
      return -1; // an empty slot holds null: never "find" one
    }
    int h = System.identityHashCode(key);
    for (int i = 0; i < PROBE; i++) {
      int s = (h + i) & MASK;
      if (keys.get(s) == key) {
        return s;
      }
    }
    return -1;
  }

  /** Counts one element of the reply: a value ({@code present}) or a nil. */
  void element(int slot, boolean isPresent) {
    if (isPresent) {
      present[slot]++;
    } else {
      absent[slot]++;
    }
  }

  long start(int slot) {
    return starts[slot];
  }

  int present(int slot) {
    return present[slot];
  }

  int absent(int slot) {
    return absent[slot];
  }

  /** Frees the slot; true for the one caller that owned it (so a command is recorded once). */
  boolean finish(int slot, Object key) {
    return keys.compareAndSet(slot, key, null);
  }
}
