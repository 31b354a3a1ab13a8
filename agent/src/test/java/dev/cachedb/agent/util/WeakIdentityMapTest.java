package dev.cachedb.agent.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  @Test
  void findsByIdentityNotEquality() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>(100);
    String a = new String("k");
    String b = new String("k");
    map.put(a, "A");
    assertThat(map.get(a)).isEqualTo("A");
    assertThat(map.get(b)).isNull();
  }

  @Test
  void putReplacesAndRemoveForgets() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>(100);
    Object k = new Object();
    map.put(k, "1");
    map.put(k, "2");
    assertThat(map.get(k)).isEqualTo("2");
    assertThat(map.size()).isEqualTo(1);
    map.remove(k);
    assertThat(map.get(k)).isNull();
    assertThat(map.size()).isZero();
  }

  @Test
  void growsAndKeepsEveryKey() {
    WeakIdentityMap<Integer> map = new WeakIdentityMap<>(100_000);
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Object k = new Object();
      keys.add(k);
      map.put(k, i);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertThat(map.get(keys.get(i))).isEqualTo(i);
    }
    assertThat(map.size()).isEqualTo(10_000);
  }

  @Test
  void refusesNewKeysWhenFull() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>(2);
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    assertThat(map.put(a, "a")).isTrue();
    assertThat(map.put(b, "b")).isTrue();
    assertThat(map.put(c, "c")).isFalse();
    assertThat(map.put(a, "a2")).isTrue();
    assertThat(map.get(c)).isNull();
  }

  @Test
  void collectedKeysLeaveTheMap() throws InterruptedException {
    WeakIdentityMap<String> map = new WeakIdentityMap<>(100_000);
    Object kept = new Object();
    map.put(kept, "kept");
    for (int i = 0; i < 1000; i++) {
      map.put(new Object(), "garbage");
    }
    for (int i = 0; i < 50 && map.size() > 1; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(kept)).isEqualTo("kept");
  }

  @Test
  void writersOnManyThreadsKeepEveryKeyAndOneCount() throws InterruptedException {
    WeakIdentityMap<Integer> map = new WeakIdentityMap<>(100_000);
    int threads = 8;
    int perThread = 5_000;
    List<List<Object>> keys = new ArrayList<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Object> mine = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        mine.add(new Object());
      }
      keys.add(mine);
      writers.add(new Thread(() -> {
        for (int i = 0; i < mine.size(); i++) {
          map.put(mine.get(i), i);
          if (i % 3 == 0) {
            map.remove(mine.get(i));
          }
        }
      }));
    }
    writers.forEach(Thread::start);
    for (Thread w : writers) {
      w.join();
    }
    int expected = 0;
    for (List<Object> mine : keys) {
      for (int i = 0; i < mine.size(); i++) {
        assertThat(map.get(mine.get(i))).isEqualTo(i % 3 == 0 ? null : i);
        expected += i % 3 == 0 ? 0 : 1;
      }
    }
    assertThat(map.size()).isEqualTo(expected);
  }

  @Test
  void theBoundHoldsAcrossSegments() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>(10);
    List<Object> keys = new ArrayList<>();
    int stored = 0;
    for (int i = 0; i < 100; i++) {
      Object k = new Object();
      keys.add(k);
      stored += map.put(k, "v") ? 1 : 0;
    }
    assertThat(stored).isEqualTo(10);
    assertThat(map.size()).isEqualTo(10);
  }
}
