package dev.cachedb.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolRegistryTest {
  private final PoolMetrics metrics = new PoolMetrics();
  private final PoolRegistry registry = new PoolRegistry();

  @Test
  void ownNameIsKeptAndUnnamedPoolsAreNumberedPerType() {
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    assertThat(registry.register(a, PoolKind.HIKARI, "orders", metrics).name).isEqualTo("orders");
    assertThat(registry.register(b, PoolKind.DBCP, null, metrics).name).isEqualTo("dbcp-1");
    assertThat(registry.register(c, PoolKind.DBCP, "", metrics).name).isEqualTo("dbcp-2");
  }

  @Test
  void longNamesAreBoundedBeforeTheyAreComparedSoTwoStayApart() {
    String prefix = new String(new char[200]).replace('\0', 'p');
    PoolState first = registry.register(new Object(), PoolKind.HIKARI, prefix + "-one", metrics);
    PoolState second = registry.register(new Object(), PoolKind.HIKARI, prefix + "-two", metrics);
    assertThat(first.name).isEqualTo(prefix.substring(0, 128));
    assertThat(second.name).isEqualTo("hikari-1");
  }

  @Test
  void registeringTwiceKeepsOneStateAndItsName() {
    Object a = new Object();
    PoolState first = registry.register(a, PoolKind.TOMCAT, "t", metrics);
    assertThat(registry.register(a, PoolKind.TOMCAT, "t", metrics)).isSameAs(first);
    assertThat(registry.snapshot()).hasSize(1);
  }

  @Test
  void aNameTakenByALivePoolIsNotReused() {
    registry.register(new String("x"), PoolKind.C3P0, "shared", metrics);
    Object second = new Object();
    assertThat(registry.register(second, PoolKind.C3P0, "shared", metrics).name)
        .isEqualTo("c3p0-1");
  }

  @Test
  void unregisterForgetsThePoolAndFreesItsName() {
    Object a = new Object();
    registry.register(a, PoolKind.HIKARI, "orders", metrics);
    assertThat(registry.unregister(a).name).isEqualTo("orders");
    assertThat(registry.find(a)).isNull();
    assertThat(registry.unregister(a)).isNull();
    assertThat(registry.register(new Object(), PoolKind.HIKARI, "orders", metrics).name)
        .isEqualTo("orders");
  }

  @Test
  void collectedPoolsArePurged() throws InterruptedException {
    registry.register(new Object(), PoolKind.DBCP2, "gone", metrics);
    Object kept = new Object();
    registry.register(kept, PoolKind.DBCP2, "kept", metrics);
    for (int i = 0; i < 50 && registry.snapshot()[0].pool.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(registry.purgeCollected()).extracting(s -> s.name).containsExactly("gone");
    assertThat(registry.snapshot()).extracting(s -> s.name).containsExactly("kept");
  }
}
