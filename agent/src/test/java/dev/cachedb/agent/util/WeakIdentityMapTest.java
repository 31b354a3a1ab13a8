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
}
