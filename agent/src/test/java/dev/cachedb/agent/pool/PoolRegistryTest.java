package dev.cachedb.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.metrics.Histograms;
import org.junit.jupiter.api.Test;

class PoolRegistryTest {
  private static final PoolReader HIKARI = StubReader.ofType("hikari");
  private static final PoolReader DBCP = StubReader.ofType("dbcp");
  private static final PoolReader DBCP2 = StubReader.ofType("dbcp2");
  private static final PoolReader C3P0 = StubReader.ofType("c3p0");
  private static final PoolReader TOMCAT = StubReader.ofType("tomcat");

  private final PoolMetrics metrics = new PoolMetrics(Histograms.CLASSIC);
  private final PoolRegistry registry = new PoolRegistry();

  @Test
  void ownNameIsKeptAndUnnamedPoolsAreNumberedPerType() {
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    assertThat(registry.register(a, HIKARI, "orders", metrics).name).isEqualTo("orders");
    assertThat(registry.register(b, DBCP, null, metrics).name).isEqualTo("dbcp-1");
    assertThat(registry.register(c, DBCP, "", metrics).name).isEqualTo("dbcp-2");
  }

  @Test
  void longNamesAreBoundedBeforeTheyAreComparedSoTwoStayApart() {
    String prefix = new String(new char[200]).replace('\0', 'p');
    PoolState first = registry.register(new Object(), HIKARI, prefix + "-one", metrics);
    PoolState second = registry.register(new Object(), HIKARI, prefix + "-two", metrics);
    assertThat(first.name).isEqualTo(prefix.substring(0, 128));
    assertThat(second.name).isEqualTo("hikari-1");
  }

  @Test
  void registeringTwiceKeepsOneStateAndItsName() {
    Object a = new Object();
    PoolState first = registry.register(a, TOMCAT, "t", metrics);
    assertThat(registry.register(a, TOMCAT, "t", metrics)).isSameAs(first);
    assertThat(registry.snapshot()).hasSize(1);
  }

  @Test
  void aNameTakenByALivePoolIsNotReused() {
    registry.register(new String("x"), C3P0, "shared", metrics);
    Object second = new Object();
    assertThat(registry.register(second, C3P0, "shared", metrics).name).isEqualTo("c3p0-1");
  }

  @Test
  void aServerNameTakenByALivePoolIsNumberedAfterItAndFreedAtClose() {
    PoolReader jedis =
        new StubReader("test.jedis", "jedis") {
          @Override
          public boolean numbersTakenNames() {
            return true;
          }
        };
    String server = "jedis-127.0.0.1:6379";
    Object first = new Object();
    Object second = new Object();
    assertThat(registry.register(first, jedis, server, metrics).name).isEqualTo(server);
    assertThat(registry.register(second, jedis, server, metrics).name).isEqualTo(server + "-2");
    assertThat(registry.register(new Object(), jedis, server, metrics).name)
        .isEqualTo(server + "-3");
    registry.unregister(first);
    assertThat(registry.register(new Object(), jedis, server, metrics).name).isEqualTo(server);
    assertThat(registry.register(new Object(), jedis, null, metrics).name).isEqualTo("jedis-1");
  }

  @Test
  void unregisterForgetsThePoolAndFreesItsName() {
    Object a = new Object();
    registry.register(a, HIKARI, "orders", metrics);
    assertThat(registry.unregister(a).name).isEqualTo("orders");
    assertThat(registry.find(a)).isNull();
    assertThat(registry.unregister(a)).isNull();
    assertThat(registry.register(new Object(), HIKARI, "orders", metrics).name).isEqualTo("orders");
  }

  @Test
  void collectedPoolsArePurged() throws InterruptedException {
    registry.register(new Object(), DBCP2, "gone", metrics);
    Object kept = new Object();
    registry.register(kept, DBCP2, "kept", metrics);
    for (int i = 0; i < 50 && registry.snapshot()[0].pool.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(registry.purgeCollected()).extracting(s -> s.name).containsExactly("gone");
    assertThat(registry.snapshot()).extracting(s -> s.name).containsExactly("kept");
  }
}
