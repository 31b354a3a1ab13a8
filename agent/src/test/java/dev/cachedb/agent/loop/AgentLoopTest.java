package dev.cachedb.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentLoopTest {
  private final AgentLoop loop = new AgentLoop();

  @AfterEach
  void stop() {
    loop.stop();
  }

  @Test
  void runsTasksOnOneNamedDaemonThreadWithoutContextLoader() throws Exception {
    AtomicReference<Thread> ran = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    loop.schedule(now -> {
      ran.set(Thread.currentThread());
      done.countDown();
      return AgentLoop.DONE;
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran.get().getName()).isEqualTo("cachedb-agent");
    assertThat(ran.get().isDaemon()).isTrue();
    assertThat(ran.get().getContextClassLoader()).isNull();
  }

  @Test
  void aTaskRunsWhenItAsksToAndAgainWhenScheduledAgain() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    AgentLoop.Task everyTenth = now -> {
      runs.incrementAndGet();
      three.countDown();
      return now + 100;
    };
    loop.schedule(everyTenth);
    assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();

    AgentLoop.Task hourly = now -> {
      runs.incrementAndGet();
      return now + 3_600_000;
    };
    CountDownLatch woken = new CountDownLatch(2);
    AgentLoop.Task counted = now -> {
      woken.countDown();
      return hourly.run(now);
    };
    loop.schedule(counted);
    Thread.sleep(200);
    loop.schedule(counted); // a new server for the poller: run now, not in an hour
    assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aFailingTaskIsDroppedAndTheLoopRunsOn() throws Exception {
    loop.schedule(now -> {
      throw new IllegalStateException("boom");
    });
    CountDownLatch after = new CountDownLatch(1);
    loop.schedule(now -> {
      after.countDown();
      return AgentLoop.DONE;
    });
    assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
