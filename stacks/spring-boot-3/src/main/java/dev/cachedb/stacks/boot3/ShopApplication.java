package dev.cachedb.stacks.boot3;

import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.EnableCaching;
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
   * without reads, which Spring Data Redis implements by reading with GETEX.
   */
  @Bean
  RedisCacheManagerBuilderCustomizer caches() {
    RedisCacheConfiguration base =
        RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(10));
    return builder ->
        builder
            .withCacheConfiguration("books", base)
            .withCacheConfiguration("authors", base.enableTimeToIdle());
  }
}
