package dev.cachedb.bench.petclinic;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * A petclinic-like REST service for benchmarks/overhead.sh: each request reads an owner through a
 * Redis cache and the owner's recent visits from PostgreSQL; a fraction changes an owner.
 */
@SpringBootApplication
@EnableCaching
public class PetClinicApplication {

  public static void main(String[] args) {
    SpringApplication.run(PetClinicApplication.class, args);
  }

  /**
   * Owners are cached as JSON with no time to live: the misses come from Redis evicting under its
   * memory limit (overhead.py sizes it), so the miss ratio does not depend on the request rate,
   * which differs between the variants compared.
   */
  @Bean
  RedisCacheManagerBuilderCustomizer ownerCache(ObjectMapper json) {
    SerializationPair<OwnerView> owners =
        SerializationPair.fromSerializer(new Jackson2JsonRedisSerializer<>(json, OwnerView.class));
    return builder ->
        builder.withCacheConfiguration(
            OwnerLookup.CACHE, RedisCacheConfiguration.defaultCacheConfig().serializeValuesWith(owners));
  }
}
