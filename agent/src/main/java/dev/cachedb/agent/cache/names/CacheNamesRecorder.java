package dev.cachedb.agent.cache.names;

import dev.cachedb.agent.bootstrap.CacheCalls;
import java.util.function.Function;

/**
 * Records application-cache calls against the series of their cache. The cache object is looked up
 * by identity ({@link CacheTable}); its name and provider are read only the first time it is seen.
 */
final class CacheNamesRecorder extends CacheCalls.Sink {
  private final CacheTable table = new CacheTable();
  private final Function<Object, CacheSeries> resolve;

  CacheNamesRecorder(CacheViewMetrics metrics) {
    resolve = cache -> {
      CacheIdentity id = CacheIdentity.of(cache);
      return metrics.series(id.name, id.provider);
    };
  }

  @Override
  public void read(Object cache, boolean hit) {
    CacheSeries s = table.get(cache, resolve);
    (hit ? s.hits : s.misses).inc();
  }

  @Override
  public void readMany(Object cache, int hits, int misses) {
    CacheSeries s = table.get(cache, resolve);
    if (hits > 0) {
      s.hits.inc(hits);
    }
    if (misses > 0) {
      s.misses.inc(misses);
    }
  }

  @Override
  public void wrote(Object cache, int puts) {
    table.get(cache, resolve).puts.inc(puts);
  }

  @Override
  public void removed(Object cache, int removals) {
    table.get(cache, resolve).removals.inc(removals);
  }
}
