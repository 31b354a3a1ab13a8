package dev.cachedb.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.metrics.Histograms;
import org.junit.jupiter.api.Test;

class UsageClockTest {
  private final PoolState state =
      new PoolState(new Object(), StubReader.ofType("hikari"), "p", new PoolMetrics(Histograms.CLASSIC));
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
  void aReusableKeyKeepsOneSlotAcrossBorrows() {
    Object entry = new Object();
    assertThat(clock.slot(entry)).isNull();
    UsageClock.Slot slot = clock.slot(entry, state);
    assertThat(slot.stop()).isEqualTo(UsageClock.STOPPED); // made stopped
    slot.start(10);
    assertThat(clock.slot(entry).stop()).isEqualTo(10);
    assertThat(clock.slot(entry).stop()).isEqualTo(UsageClock.STOPPED); // a second close
    clock.slot(entry, state).start(20);
    assertThat(clock.slot(entry)).isSameAs(slot);
    assertThat(slot.stop()).isEqualTo(20);
    assertThat(clock.size()).isEqualTo(1);
  }

  @Test
  void aKeySeenInAnotherPoolGetsANewSlot() {
    Object entry = new Object();
    PoolState other =
        new PoolState(new Object(), StubReader.ofType("hikari"), "q", new PoolMetrics(Histograms.CLASSIC));
    UsageClock.Slot first = clock.slot(entry, state);
    assertThat(clock.slot(entry, other)).isNotSameAs(first);
    assertThat(clock.slot(entry).state).isSameAs(other);
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
