package dev.cachedb.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;

/**
 * One {@code get(key)} that hits a Spring {@code ConcurrentMapCache}, the cheapest provider, so
 * that what the agent adds (the call-depth counter, the cache-to-series lookup, one counter
 * increment) is most of the difference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpringCacheBench {
  private Cache cache;
  private final Object key = "owners";

  @Setup
  public void setUp() {
    cache = new ConcurrentMapCache("bench");
    cache.put(key, "value");
  }

  @Benchmark
  public Cache.ValueWrapper get() {
    return cache.get(key);
  }
}
