package dev.cachedb.agent.pool;

import dev.cachedb.agent.metrics.LabelValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pools the agent knows, held weakly. Borrows look a pool up on every call, so lookups read a
 * copy-on-write array without locks or allocation; registering and forgetting (pool start, close,
 * collection) are rare and take the lock. Applications hold a handful of pools, so a linear scan by
 * identity beats any hashing here.
 */
final class PoolRegistry {
  private static final PoolState[] NONE = new PoolState[0];

  private volatile PoolState[] states = NONE;

  /** The last generated number, per reader type. */
  private final Map<String, Integer> unnamed = new HashMap<>();

  private final Set<String> names = new HashSet<>();

  /** The state of {@code pool}, or null if it is not registered. */
  PoolState find(Object pool) {
    for (PoolState s : states) {
      if (s.pool.get() == pool) {
        return s;
      }
    }
    return null;
  }

  /**
   * Registers {@code pool} (once) and returns its state. {@code ownName} is the pool's own name or
   * null, used as {@link LabelValues#bound bounded}; a pool without one, or whose name a live pool
   * already carries, gets a generated one: numbered after the taken name when the reader made that
   * name up from the pool's server, else after the reader's type.
   */
  synchronized PoolState register(
      Object pool, PoolReader reader, String ownName, PoolMetrics metrics) {
    PoolState known = find(pool);
    if (known != null) {
      return known;
    }
    // Bounded before the uniqueness check, so two long names that share a prefix stay apart.
    String own = ownName == null ? null : LabelValues.bound(ownName);
    String name;
    if (own == null || own.isEmpty()) {
      name = generatedName(reader.type);
    } else if (!names.contains(own)) {
      name = own;
    } else {
      name = reader.numbersTakenNames() ? numberedName(own) : generatedName(reader.type);
    }
    PoolState s = new PoolState(pool, reader, name, metrics);
    names.add(name);
    PoolState[] next = Arrays.copyOf(states, states.length + 1);
    next[states.length] = s;
    states = next;
    return s;
  }

  /** Forgets {@code pool}; returns its state, or null if it was not registered. */
  synchronized PoolState unregister(Object pool) {
    PoolState s = find(pool);
    if (s != null) {
      remove(s);
    }
    return s;
  }

  /** Forgets every pool the garbage collector took and returns their states. */
  synchronized List<PoolState> purgeCollected() {
    List<PoolState> gone = new ArrayList<>();
    for (PoolState s : states) {
      if (s.pool.get() == null) {
        gone.add(s);
      }
    }
    for (PoolState s : gone) {
      remove(s);
    }
    return gone;
  }

  PoolState[] snapshot() {
    return states;
  }

  private void remove(PoolState gone) {
    List<PoolState> next = new ArrayList<>(Arrays.asList(states));
    next.remove(gone);
    states = next.toArray(NONE);
    names.remove(gone.name);
  }

  /** {@code own-2}, {@code own-3}...: the first of them no live pool carries. */
  private String numberedName(String own) {
    int n = 2;
    while (names.contains(own + "-" + n)) {
      n++;
    }
    return own + "-" + n;
  }

  private String generatedName(String type) {
    String name;
    do {
      Integer n = unnamed.get(type);
      int next = n == null ? 1 : n + 1;
      unnamed.put(type, next);
      name = type + "-" + next;
    } while (names.contains(name));
    return name;
  }
}
