package dev.cachedb.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageClockTest {
  private final PoolState state =
      new PoolState(new Object(), PoolKind.HIKARI, "p", new PoolMetrics());
  private final UsageClock clock = new UsageClock();

  private final PoolState[] out = new PoolState[1];

  @Test
  void stopReturnsTheStartOfThatConnectionOnce() {
    Object c1 = new Object();
    Object c2 = new Object();
    clock.start(c1, state, 100);
    clock.start(c2, state, 200);
    assertThat(clock.stop(c2, out)).isEqualTo(200);
    assertThat(out[0]).isSameAs(state);
    assertThat(clock.stop(c2, out)).isEqualTo(UsageClock.STOPPED);
    assertThat(clock.stop(c1, out)).isEqualTo(100);
    assertThat(clock.size()).isZero();
  }

  @Test
  void equalButDistinctConnectionsAreDifferentBorrows() {
    String c1 = new String("same");
    String c2 = new String("same");
    clock.start(c1, state, 1);
    assertThat(clock.stop(c2, out)).isEqualTo(UsageClock.STOPPED);
    assertThat(clock.stop(c1, out)).isEqualTo(1);
  }

  @Test
  void aReusableKeyKeepsOneEntryAcrossBorrows() {
    Object entry = new Object();
    clock.startReusable(entry, state, 10);
    assertThat(clock.stop(entry, out)).isEqualTo(10);
    assertThat(clock.stop(entry, out)).isEqualTo(UsageClock.STOPPED);
    clock.startReusable(entry, state, 20);
    assertThat(clock.stop(entry, out)).isEqualTo(20);
    assertThat(clock.size()).isEqualTo(1);
  }

  @Test
  void aConnectionNeverReturnedDoesNotStayReachable() throws InterruptedException {
    clock.start(new Object(), state, 1);
    for (int i = 0; i < 50 && clock.size() > 0; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(clock.size()).isZero();
  }
}
