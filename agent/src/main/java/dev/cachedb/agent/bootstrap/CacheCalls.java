package dev.cachedb.agent.bootstrap;

/**
 * What application-cache advice calls: Spring's {@code Cache} and JCache's {@code Cache}, any
 * provider. Every advised method enters {@link CallDepth#APP_CACHE}, and only the outermost call
 * of a thread is recorded: Spring's {@code JCacheCache} over a JCache, or a transaction-aware
 * decorator over a cache, is one lookup. The recorder, installed in {@link #sink} at start, turns
 * the cache object into its series.
 *
 * <p>A get that loads ({@code get(key, Callable)}) is a miss when the value loader ran. The loader
 * is the application's, so the sign of it is the store that follows inside the same call: the
 * provider's {@code toStoreValue} (Spring's value adapter, which every loading provider calls on
 * the loaded value) or a nested put (Spring Data Redis). Either marks {@link
 * CallDepth#APP_CACHE_LOADED}, which the outermost loading get clears on entry.
 */
public final class CacheCalls {

  /** The recorder; replaced once at agent start. */
  public static volatile Sink sink = new Sink();

  private CacheCalls() {}

  /** Enters an advised call; returns the depth before entering (0 = outermost). */
  public static int enter() {
    return CallDepth.enter(CallDepth.APP_CACHE);
  }

  /** Enters a loading get: as {@link #enter}, and the outermost one forgets earlier stores. */
  public static int enterLoading() {
    int[] d = CallDepth.counters();
    int depth = d[CallDepth.APP_CACHE]++;
    if (depth == 0) {
      d[CallDepth.APP_CACHE_LOADED] = 0;
    }
    return depth;
  }

  /** A value is being stored inside an advised call (Spring's {@code toStoreValue}). */
  public static void storing() {
    int[] d = CallDepth.counters();
    if (d[CallDepth.APP_CACHE] > 0) {
      d[CallDepth.APP_CACHE_LOADED] = 1;
    }
  }

  /** A single-key get returned {@code value}: null is a miss (a stored null comes back wrapped). */
  public static void read(int depth, Object cache, Object value, Throwable thrown) {
    CallDepth.exit(CallDepth.APP_CACHE);
    if (depth == 0 && thrown == null) {
      sink.read(cache, value != null);
    }
  }

  /** A loading get returned: a hit unless a value was stored during the call. */
  public static void loadingRead(int depth, Object cache, Throwable thrown) {
    int[] d = CallDepth.counters();
    if (d[CallDepth.APP_CACHE] > 0) {
      d[CallDepth.APP_CACHE]--;
    }
    if (depth == 0 && thrown == null) {
      sink.read(cache, d[CallDepth.APP_CACHE_LOADED] == 0);
    }
  }

  /** JCache's {@code getAll(keys)}: one get per key asked, a hit per entry returned. */
  public static void readMany(
      int depth, Object cache, java.util.Set<?> keys, java.util.Map<?, ?> found, Throwable thrown) {
    CallDepth.exit(CallDepth.APP_CACHE);
    if (depth == 0 && thrown == null && keys != null) {
      int hits = found == null ? 0 : found.size();
      sink.readMany(cache, hits, keys.size() - hits);
    }
  }

  /** {@code puts} values were stored (0 for a put-if-absent that found a value). */
  public static void wrote(int depth, Object cache, int puts, Throwable thrown) {
    CallDepth.exit(CallDepth.APP_CACHE);
    if (depth > 0) {
      storing();
    } else if (thrown == null && puts > 0) {
      sink.wrote(cache, puts);
    }
  }

  /** JCache's {@code getAndPut}: a get of the old value and a put. */
  public static void readAndWrote(int depth, Object cache, Object old, Throwable thrown) {
    CallDepth.exit(CallDepth.APP_CACHE);
    if (depth == 0 && thrown == null) {
      sink.read(cache, old != null);
      sink.wrote(cache, 1);
    }
  }

  /**
   * JCache's {@code putIfAbsent}: also a get, as JCache's statistics count it, that hits when a
   * value was there (nothing stored) and misses when the put stored one.
   */
  public static void putIfAbsent(int depth, Object cache, boolean stored, Throwable thrown) {
    CallDepth.exit(CallDepth.APP_CACHE);
    if (depth == 0 && thrown == null) {
      sink.read(cache, !stored);
      if (stored) {
        sink.wrote(cache, 1);
      }
    }
  }

  /** {@code removals} evict, remove or clear calls took effect. */
  public static void removed(int depth, Object cache, int removals, Throwable thrown) {
    CallDepth.exit(CallDepth.APP_CACHE);
    if (depth == 0 && thrown == null && removals > 0) {
      sink.removed(cache, removals);
    }
  }

  /** JCache's {@code getAndRemove}: a get of the old value, and a removal when there was one. */
  public static void readAndRemoved(int depth, Object cache, Object old, Throwable thrown) {
    CallDepth.exit(CallDepth.APP_CACHE);
    if (depth == 0 && thrown == null) {
      sink.read(cache, old != null);
      if (old != null) {
        sink.removed(cache, 1);
      }
    }
  }

  /** Receives application-cache events; {@code cache} is the outermost cache object called. */
  public static class Sink {
    public void read(Object cache, boolean hit) {}

    public void readMany(Object cache, int hits, int misses) {}

    public void wrote(Object cache, int puts) {}

    public void removed(Object cache, int removals) {}
  }
}
