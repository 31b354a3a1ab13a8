package dev.cachedb.agent.cache.redis;

import dev.cachedb.agent.cache.CacheRecorder;
import java.util.ArrayList;
import java.util.List;

/** A recorder that lists the outcomes it is told: {@code GET 1/0}, {@code SET ok}, {@code GET error}. */
public final class Outcomes extends CacheRecorder {
  public final List<String> recorded = new ArrayList<>();

  public Outcomes() {
    super(null, null);
  }

  @Override
  public void read(String command, int hits, int misses, long nanos) {
    recorded.add(command + " " + hits + "/" + misses);
  }

  @Override
  public void success(String command, long nanos) {
    recorded.add(command + " ok");
  }

  @Override
  public void error(String command, long nanos) {
    recorded.add(command + " error");
  }
}
