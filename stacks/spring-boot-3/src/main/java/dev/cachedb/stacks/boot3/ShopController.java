package dev.cachedb.stacks.boot3;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.data.redis.cache.CacheStatistics;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP face the IT drives; every answer is plain text or a flat map. */
@RestController
public class ShopController {
  private final Catalogue catalogue;
  private final DataSource dataSource;
  private final RedisConnectionFactory redis;
  private final HeldConnections held;
  private final CacheManager caches;
  private final CaffeineCache prices;

  ShopController(
      Catalogue catalogue,
      DataSource dataSource,
      RedisConnectionFactory redis,
      HeldConnections held,
      CacheManager caches,
      CaffeineCache prices) {
    this.catalogue = catalogue;
    this.dataSource = dataSource;
    this.redis = redis;
    this.held = held;
    this.caches = caches;
    this.prices = prices;
  }

  /** Opens the shared Redis connection, so its handshake happens before the IT resets stats. */
  @GetMapping("/warm-up")
  String warmUp() {
    try (RedisConnection c = redis.getConnection()) {
      return c.ping();
    }
  }

  @PostMapping("/seed")
  int seed(@RequestParam int authors, @RequestParam int booksPerAuthor) {
    return catalogue.seed(authors, booksPerAuthor);
  }

  @GetMapping("/books/{id}")
  String book(@PathVariable long id) {
    return catalogue.bookTitle(id);
  }

  @GetMapping("/authors/{id}")
  String author(@PathVariable long id) {
    return catalogue.authorName(id);
  }

  @GetMapping("/books/{id}/price")
  int price(@PathVariable long id) {
    return catalogue.bookPrice(id);
  }

  @PostMapping("/authors/{id}/forget")
  String forget(@PathVariable long id) {
    catalogue.forgetAuthor(id);
    return "forgotten";
  }

  /**
   * The caches' own statistics, flat ("books.hits": 12): Spring Data Redis's for the Redis
   * caches, Caffeine's for "prices" (which counts no puts or explicit removals).
   */
  @GetMapping("/cache-stats")
  Map<String, Object> cacheStats() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : new String[] {"books", "authors"}) {
      CacheStatistics s = ((RedisCache) caches.getCache(name)).getStatistics();
      values.put(name + ".hits", s.getHits());
      values.put(name + ".misses", s.getMisses());
      values.put(name + ".puts", s.getPuts());
      values.put(name + ".removals", s.getDeletes());
    }
    values.put("prices.hits", prices.getNativeCache().stats().hitCount());
    values.put("prices.misses", prices.getNativeCache().stats().missCount());
    return values;
  }

  @GetMapping("/authors/by-name/{name}/books")
  int booksBy(@PathVariable String name) {
    return catalogue.booksBy(name);
  }

  @GetMapping("/value")
  long value() {
    return catalogue.catalogueValue();
  }

  @PostMapping("/raise")
  int raise(@RequestParam int delta, @RequestParam int below) {
    return catalogue.raisePrices(delta, below);
  }

  @PostMapping("/delete-dearer")
  int deleteDearer(@RequestParam int above) {
    return catalogue.deleteDearerThan(above);
  }

  @GetMapping("/missing")
  long missing() {
    return catalogue.countMissing();
  }

  /** Borrows {@code count} connections and keeps them; waits as long as Hikari lets it. */
  @PostMapping("/hold")
  int hold(@RequestParam int count) throws SQLException {
    return held.hold(count);
  }

  @PostMapping("/release")
  int release() throws SQLException {
    return held.releaseHeld();
  }

  /** Hikari's own view of its pool, to set beside the agent's gauges. */
  @GetMapping("/pool")
  Map<String, Object> pool() {
    HikariDataSource hikari = (HikariDataSource) dataSource;
    HikariPoolMXBean mx = hikari.getHikariPoolMXBean();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", hikari.getPoolName());
    values.put("total", mx.getTotalConnections());
    values.put("idle", mx.getIdleConnections());
    values.put("active", mx.getActiveConnections());
    values.put("waiting", mx.getThreadsAwaitingConnection());
    values.put("max", hikari.getMaximumPoolSize());
    return values;
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<String> failed(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(e.getClass().getName());
  }
}
