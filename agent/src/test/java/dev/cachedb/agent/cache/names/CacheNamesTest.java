package dev.cachedb.agent.cache.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CacheNamesTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  private String scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void providerComesFromTheImplementingClass() {
    assertThat(CacheIdentity.provider("org.springframework.data.redis.cache.RedisCache", true))
        .isEqualTo("redis");
    assertThat(CacheIdentity.provider("org.springframework.cache.caffeine.CaffeineCache", true))
        .isEqualTo("caffeine");
    assertThat(CacheIdentity.provider(
        "org.springframework.cache.concurrent.ConcurrentMapCache", true))
        .isEqualTo("concurrentmap");
    assertThat(CacheIdentity.provider("org.springframework.cache.jcache.JCacheCache", true))
        .isEqualTo("jcache");
    assertThat(CacheIdentity.provider("org.ehcache.jsr107.Eh107Cache", false))
        .isEqualTo("ehcache");
    assertThat(CacheIdentity.provider("com.hazelcast.cache.impl.CacheProxy", false))
        .isEqualTo("jcache");
    assertThat(CacheIdentity.provider("com.example.MyCache", true)).isEqualTo("other");
  }

  @Test
  void namesPastTheCapAreLabelledOther() throws IOException {
    CacheViewMetrics metrics = new CacheViewMetrics(registry, 2);
    metrics.series("owners", "redis").hits.inc();
    metrics.series("vets", "redis").hits.inc();
    metrics.series("pets", "redis").hits.inc();
    metrics.series("visits", "caffeine").misses.inc();
    metrics.series("owners", "redis").puts.inc(3);
    String text = scrape();
    assertThat(text)
        .contains("cache_gets_total{cache=\"owners\",provider=\"redis\",result=\"hit\"} 1.0")
        .contains("cache_gets_total{cache=\"vets\",provider=\"redis\",result=\"hit\"} 1.0")
        .contains("cache_gets_total{cache=\"other\",provider=\"redis\",result=\"hit\"} 1.0")
        .contains("cache_gets_total{cache=\"other\",provider=\"caffeine\",result=\"miss\"} 1.0")
        .contains("cache_puts_total{cache=\"owners\",provider=\"redis\"} 3.0")
        .doesNotContain("pets").doesNotContain("visits");
  }

  @Test
  void eachCacheObjectIsResolvedOnceAndFoundByIdentity() {
    CacheViewMetrics metrics = new CacheViewMetrics(registry, 1000);
    CacheTable table = new CacheTable();
    AtomicInteger resolved = new AtomicInteger();
    List<Object> caches = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      caches.add(new String("same")); // equal, not identical: each its own cache
    }
    List<CacheSeries> first = new ArrayList<>();
    for (Object c : caches) {
      first.add(table.get(c, o -> {
        resolved.incrementAndGet();
        return metrics.series("c" + resolved.get(), "other");
      }));
    }
    for (int i = 0; i < caches.size(); i++) {
      assertThat(table.get(caches.get(i), o -> {
        throw new AssertionError("resolved twice");
      })).isSameAs(first.get(i));
    }
    assertThat(resolved).hasValue(200);
    assertThat(first.get(0)).isNotSameAs(first.get(1));
  }
}
