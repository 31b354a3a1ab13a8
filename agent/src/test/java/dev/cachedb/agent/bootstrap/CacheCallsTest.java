package dev.cachedb.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hooks as advice calls them: what reaches the recorder, and only once per lookup. */
class CacheCallsTest {
  private final List<String> events = new ArrayList<>();
  private final Object outer = "decorator";
  private final Object inner = "target";

  @BeforeEach
  void recordEvents() {
    Arrays.fill(CallDepth.counters(), 0);
    CacheCalls.sink = new CacheCalls.Sink() {
      @Override
      public void read(Object cache, boolean hit) {
        events.add(cache + (hit ? " hit" : " miss"));
      }

      @Override
      public void readMany(Object cache, int hits, int misses) {
        events.add(cache + " hits " + hits + " misses " + misses);
      }

      @Override
      public void wrote(Object cache, int puts) {
        events.add(cache + " puts " + puts);
      }

      @Override
      public void removed(Object cache, int removals) {
        events.add(cache + " removals " + removals);
      }
    };
  }

  @AfterEach
  void restore() {
    CacheCalls.sink = new CacheCalls.Sink();
  }

  @Test
  void aDecoratedGetCountsOnceForTheOutermostCache() {
    int o = CacheCalls.enter();
    int i = CacheCalls.enter();
    CacheCalls.read(i, inner, "value", null);
    CacheCalls.read(o, outer, "value", null);
    assertThat(events).containsExactly("decorator hit");
    assertThat(CallDepth.counters()[CallDepth.APP_CACHE]).isZero();
  }

  @Test
  void nullIsAMissAndAThrowingGetIsNotCounted() {
    CacheCalls.read(CacheCalls.enter(), outer, null, null);
    CacheCalls.read(CacheCalls.enter(), outer, null, new IllegalStateException());
    assertThat(events).containsExactly("decorator miss");
  }

  @Test
  void aLoadingGetThatStoredIsAMiss() {
    int d = CacheCalls.enterLoading();
    CacheCalls.storing(); // the provider's toStoreValue on the loaded value
    CacheCalls.loadingRead(d, outer, null);
    assertThat(events).containsExactly("decorator miss");
  }

  @Test
  void aLoadingGetWhoseInnerPutRanIsAMissAndThePutIsNotCountedApart() {
    int d = CacheCalls.enterLoading();
    CacheCalls.read(CacheCalls.enter(), outer, null, null); // RedisCache's own first lookup
    CacheCalls.wrote(CacheCalls.enter(), outer, 1, null);
    CacheCalls.loadingRead(d, outer, null);
    assertThat(events).containsExactly("decorator miss");
  }

  @Test
  void aLoadingGetThatFoundItsValueIsAHitEvenAfterAnEarlierLoad() {
    int first = CacheCalls.enterLoading();
    CacheCalls.storing();
    CacheCalls.loadingRead(first, outer, null);
    CacheCalls.storing(); // outside any cache call: ignored
    int second = CacheCalls.enterLoading();
    CacheCalls.loadingRead(second, outer, null);
    assertThat(events).containsExactly("decorator miss", "decorator hit");
  }

  @Test
  void getAllCountsEachKeyAndPutIfAbsentIsAGetToo() {
    Map<String, String> found = Collections.singletonMap("a", "1");
    CacheCalls.readMany(CacheCalls.enter(), inner, new HashSet<>(Arrays.asList("a", "b", "c")),
        found, null);
    CacheCalls.putIfAbsent(CacheCalls.enter(), inner, false, null);
    CacheCalls.putIfAbsent(CacheCalls.enter(), inner, true, null);
    CacheCalls.readAndRemoved(CacheCalls.enter(), inner, null, null);
    CacheCalls.removed(CacheCalls.enter(), inner, 0, null);
    assertThat(events).containsExactly("target hits 1 misses 2", "target hit", "target miss",
        "target puts 1", "target miss");
  }
}
