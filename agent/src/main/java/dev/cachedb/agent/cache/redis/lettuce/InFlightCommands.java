package dev.cachedb.agent.cache.redis.lettuce;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Start times (and per-element counts) of Redis commands between dispatch and completion, in
 * preallocated arrays: no allocation per command, and no reference to the command at all.
 *
 * <p>Why not a field on the command: the agent may attach after Lettuce's classes are loaded, and
 * retransformation cannot add fields. Why not a weak map: it allocates an entry per command. The
 * key is the command's output object, which every wrapper (async, cluster, reactive) shares with
 * the innermost command, so one logical command has exactly one slot however it is wrapped.
 *
 * <p>Why the key's identity hash and not the key: the output holds the reply. A table of
 * references kept every reply whose completion the agent missed (Lettuce 6.5 to 6.7, where the
 * advice threw) alive until its slot went stale, up to a whole table of 64 KiB values. An int
 * keeps nothing alive, whatever happens to the completion. The price: two outputs in flight at
 * once whose identity hashes are equal (about one pair in 2^31) share a slot; the first to
 * complete is recorded with the earlier start, the other is not counted.
 *
 * <p>Open addressing with a bounded probe: a key lives in one of {@link #PROBE} slots after its
 * hash. A slot is claimed by compare-and-set and freed by the thread that finishes the command,
 * so concurrent commands never share one. When every slot of a probe is busy the command is simply
 * not timed (not counted): bounded memory beats completeness under absurd concurrency. Slots
 * older than {@link #STALE_NANOS} (a command abandoned without completion) are reclaimed.
 */
final class InFlightCommands {
  static final int SIZE = 1 << 13;
  static final int PROBE = 16;
  static final long STALE_NANOS = 3_600_000_000_000L;
  private static final int MASK = SIZE - 1;
  private static final int EMPTY = 0;

  private final AtomicIntegerArray keys = new AtomicIntegerArray(SIZE);
  private final long[] starts = new long[SIZE];
  // Written and read on the connection's event-loop thread, which decodes the reply and completes
  // the command; plain ints are enough.
  private final int[] present = new int[SIZE];
  private final int[] absent = new int[SIZE];
  // A read's CommandArgs, for its key prefix, held from dispatch to completion only (the command
  // holds them as long anyway); null for every other command and with prefixes off.
  private final Object[] args = new Object[SIZE];
  private final boolean[] perKey = new boolean[SIZE];

  /**
   * Claims a slot for {@code command} unless it has one already (a retried or re-routed one);
   * {@code arguments} are a read's arguments, {@code byKey} whether its elements count each for
   * their own key.
   */
  void start(Object command, long now, Object arguments, boolean byKey) {
    int key = key(command);
    int free = -1;
    for (int i = 0; i < PROBE; i++) {
      int s = (key + i) & MASK;
      int k = keys.get(s);
      if (k == key) {
        return;
      }
      if (free < 0 && (k == EMPTY || now - starts[s] > STALE_NANOS)) {
        free = s;
      }
    }
    if (free >= 0) {
      int old = keys.get(free);
      if ((old == EMPTY || now - starts[free] > STALE_NANOS)
          && keys.compareAndSet(free, old, key)) {
        starts[free] = now;
        present[free] = 0;
        absent[free] = 0;
        args[free] = arguments;
        perKey[free] = byKey;
      }
    }
  }

  /** The slot of {@code command}, or -1 when it is not in flight. */
  int find(Object command) {
    if (command == null) {
      return -1;
    }
    int key = key(command);
    for (int i = 0; i < PROBE; i++) {
      int s = (key + i) & MASK;
      if (keys.get(s) == key) {
        return s;
      }
    }
    return -1;
  }

  /** Counts one element of the reply: a value ({@code present}) or a nil; returns its index. */
  int element(int slot, boolean isPresent) {
    int index = present[slot] + absent[slot];
    if (isPresent) {
      present[slot]++;
    } else {
      absent[slot]++;
    }
    return index;
  }

  Object args(int slot) {
    return args[slot];
  }

  /** The read's arguments when its elements count each for their own key (MGET), else null. */
  Object perKeyArgs(int slot) {
    return perKey[slot] ? args[slot] : null;
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
  boolean finish(int slot, Object command) {
    args[slot] = null; // before the slot is free, so never a next owner's
    return keys.compareAndSet(slot, key(command), EMPTY);
  }

  private static int key(Object command) {
    int h = System.identityHashCode(command);
    return h == EMPTY ? 1 : h; // HotSpot never hands out 0; other VMs might
  }
}
