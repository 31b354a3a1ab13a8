package dev.cachedb.stacks.boot2;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
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

/** The HTTP face the IT drives; the same shape as the Spring Boot 3 shop's. */
@RestController
public class InventoryController {
  private final Inventory inventory;
  private final DataSource dataSource;
  private final RedisConnectionFactory redis;
  private final HeldConnections held;

  InventoryController(
      Inventory inventory,
      DataSource dataSource,
      RedisConnectionFactory redis,
      HeldConnections held) {
    this.inventory = inventory;
    this.dataSource = dataSource;
    this.redis = redis;
    this.held = held;
  }

  /** Opens the shared Redis connection, so its handshake happens before the IT resets stats. */
  @GetMapping("/warm-up")
  String warmUp() {
    RedisConnection c = redis.getConnection();
    try {
      return c.ping();
    } finally {
      c.close();
    }
  }

  @PostMapping("/seed")
  int seed(@RequestParam int shelves, @RequestParam int itemsPerShelf) {
    return inventory.seed(shelves, itemsPerShelf);
  }

  @GetMapping("/items/{id}")
  String item(@PathVariable long id) {
    return inventory.itemName(id);
  }

  @GetMapping("/shelves/{label}/count")
  long countOnShelf(@PathVariable String label) {
    return inventory.countOnShelf(label);
  }

  @PostMapping("/restock")
  int restock(@RequestParam int delta) {
    return inventory.restock(delta);
  }

  @GetMapping("/missing")
  long missing() {
    return inventory.countMissing();
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
