package dev.cachedb.agent.cache.redis.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-flight table keeps nothing of a command alive: not when it completes, and not when its
 * completion never arrives (the Lettuce 6.5 to 6.7 failure, where the advice threw before the
 * slot was freed and the outputs, holding their replies, stayed referenced for an hour).
 */
class InFlightCommandsTest {
  private static final int COMMANDS = 10_000;
  private static final int REPLY_BYTES = 64 * 1024;

  @Test
  void neverFinishedCommandsRetainNoReply() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    InFlightCommands table = new InFlightCommands();
    long baseline = usedAfterGc(memory);
    List<WeakReference<Object>> outputs = new ArrayList<>(COMMANDS);
    long now = System.nanoTime();
    for (int i = 0; i < COMMANDS; i++) {
      Object output = new Object[] {new byte[REPLY_BYTES]}; // an output holding its reply
      table.start(output, now, null, false); // dispatched; its completion never comes
      int slot = table.find(output);
      if (slot >= 0) {
        table.element(slot, true);
      }
      outputs.add(new WeakReference<>(output));
    }
    long used = usedAfterGc(memory);
    int alive = 0;
    for (WeakReference<Object> r : outputs) {
      alive += r.get() == null ? 0 : 1;
    }
    assertThat(alive).as("outputs still reachable").isZero();
    assertThat(used - baseline).as("heap in use after GC, against before").isLessThan(5L << 20);
  }

  @Test
  void abandonedCommandsFillAtMostTheFixedTableAndGoStale() {
    InFlightCommands table = new InFlightCommands();
    long now = System.nanoTime();
    int tracked = 0;
    List<Object> keep = new ArrayList<>();
    for (int i = 0; i < 4 * InFlightCommands.SIZE; i++) {
      Object output = new Object();
      keep.add(output);
      table.start(output, now, null, false);
      tracked += table.find(output) >= 0 ? 1 : 0;
    }
    assertThat(tracked).isLessThanOrEqualTo(InFlightCommands.SIZE);
    // An hour later the abandoned slots are reclaimed: new commands are timed again.
    long later = now + InFlightCommands.STALE_NANOS + 1;
    int reclaimed = 0;
    for (int i = 0; i < 1000; i++) {
      Object output = new Object();
      table.start(output, later, null, false);
      int slot = table.find(output);
      if (slot >= 0 && table.start(slot) == later && table.finish(slot, output)) {
        reclaimed++;
      }
    }
    assertThat(reclaimed).isEqualTo(1000);
  }

  @Test
  void aSlotIsFreedOnceAndCountsStartAtZero() {
    InFlightCommands table = new InFlightCommands();
    Object output = new Object();
    table.start(output, 1L, null, false);
    table.start(output, 2L, null, false); // a retry keeps the first start
    int slot = table.find(output);
    table.element(slot, true);
    table.element(slot, false);
    assertThat(table.start(slot)).isEqualTo(1L);
    assertThat(table.present(slot)).isEqualTo(1);
    assertThat(table.absent(slot)).isEqualTo(1);
    assertThat(table.finish(slot, output)).isTrue();
    assertThat(table.finish(slot, output)).isFalse();
    assertThat(table.find(output)).isEqualTo(-1);
    table.start(output, 3L, null, false);
    slot = table.find(output);
    assertThat(table.present(slot) + table.absent(slot)).isZero();
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(20);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
