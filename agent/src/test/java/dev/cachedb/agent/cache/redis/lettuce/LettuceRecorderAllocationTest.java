package dev.cachedb.agent.cache.redis.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.cache.CacheMetrics;
import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The whole path of one Lettuce command from the bootstrap hooks (dispatch, decoded values,
 * completion, classification, recording into client_java) allocates nothing in steady state.
 */
class LettuceRecorderAllocationTest {
  private static final int COMMANDS = 100_000;

  @Test
  void steadyStateCommandsAllocateNothing() {
    LettuceCalls.Sink previous = LettuceCalls.sink;
    LettuceCalls.sink =
        new LettuceRecorder(
            new CacheRecorder(new CacheMetrics(new PrometheusRegistry(), Histograms.CLASSIC), (h, p, u, pw) -> {}));
    try {
      Object[] outputs = new Object[64];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = new Object();
      }
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long id = Thread.currentThread().getId();
      // Until the JIT has compiled the path (escape analysis removes client_java's temporaries)
      // the interpreter allocates; steady state is the best of several rounds after warm-up.
      long allocated = Long.MAX_VALUE;
      for (int round = 0; round < 8; round++) {
        long before = threads.getThreadAllocatedBytes(id);
        run(outputs, COMMANDS);
        allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
      }
      // A few hundred bytes of slack for the measurement itself, not per command.
      assertThat(allocated).as("bytes for %d commands", COMMANDS).isLessThan(1024);
    } finally {
      LettuceCalls.sink = previous;
    }
  }

  private static void run(Object[] outputs, int n) {
    Long one = 1L;
    for (int i = 0; i < n; i++) {
      Object out = outputs[i & 63];
      LettuceCalls.dispatched(out);
      switch (i & 3) {
        case 0:
          LettuceCalls.completed(out, "GET", (i & 4) == 0 ? null : "v", false, 1);
          break;
        case 1:
          LettuceCalls.element(out, "v");
          LettuceCalls.element(out, null);
          LettuceCalls.completed(out, "MGET", null, false, 2);
          break;
        case 2:
          LettuceCalls.completed(out, "EXISTS", one, false, 2);
          break;
        default:
          LettuceCalls.completed(out, "SET", "OK", false, 2);
      }
    }
  }
}
