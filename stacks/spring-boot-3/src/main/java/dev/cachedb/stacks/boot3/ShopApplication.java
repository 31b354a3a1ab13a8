package dev.cachedb.stacks.boot3;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.cache.RedisCacheConfiguration;

/**
 * A small shop on Spring Boot's defaults: Lettuce under Spring Data Redis, HikariCP, Hibernate 6
 * on PostgreSQL. integration-tests runs it as a fat jar with the agent and drives it over HTTP.
 */
@SpringBootApplication
@EnableCaching
public class ShopApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }

  /**
   * "books" expires a fixed time after writing (read with GET); "authors" expires after a time
   * without reads, which Spring Data Redis implements by reading with GETEX. Statistics on, so
   * that the IT can set Spring's own counts beside the agent's cache_gets_total.
   */
  @Bean
  RedisCacheManagerBuilderCustomizer caches() {
    RedisCacheConfiguration base =
        RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(10));
    return builder ->
        builder
            .enableStatistics()
            .withCacheConfiguration("books", base)
            .withCacheConfiguration("authors", base.enableTimeToIdle());
  }

  /** The local "prices" cache, with Caffeine's statistics; beside Boot's Redis cache manager. */
  @Bean
  CaffeineCache pricesCache() {
    return new CaffeineCache("prices", Caffeine.newBuilder().recordStats().build());
  }

  /**
   * Resolves "prices" to the Caffeine cache. A resolver, not a second CacheManager: a
   * CacheManager bean would make Boot's Redis cache manager back off.
   */
  @Bean
  CacheResolver localCaches(CaffeineCache pricesCache) {
    return context -> List.of(pricesCache);
  }
}
