package dev.cachedb.bench.petclinic;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JVM's own counters for the load generator to read before and after its measured window.
 * On a path of its own, not part of the load.
 */
@RestController
class StatsController {
  private final JvmCounters counters = new JvmCounters();

  @GetMapping("/internal/stats")
  Map<String, Long> stats() {
    return counters.read();
  }
}
