package dev.cachedb.agent.cache.redis.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.cache.CacheMetrics;
import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.cache.prefix.KeyPrefixes;
import dev.cachedb.agent.metrics.Histograms;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The whole path of one Lettuce command from the bootstrap hooks (dispatch, decoded values,
 * completion, classification, recording into client_java) allocates nothing in steady state.
 */
class LettuceRecorderAllocationTest {
  private static final int COMMANDS = 100_000;

  @Test
  void steadyStateCommandsAllocateNothing() {
    PrometheusRegistry registry = new PrometheusRegistry();
    assertSteadyStateAllocatesNothing(
        new CacheRecorder(new CacheMetrics(registry, Histograms.CLASSIC), (h, p, u, pw) -> {}));
  }

  /** Keys read per command and classified by prefix: still nothing per command. */
  @Test
  void countingKeyPrefixesAllocatesNothing() {
    PrometheusRegistry registry = new PrometheusRegistry();
    assertSteadyStateAllocatesNothing(
        new CacheRecorder(
            new CacheMetrics(registry, Histograms.CLASSIC),
            (h, p, u, pw) -> {},
            new KeyPrefixes(registry, ':', 50)));
  }

  private static void assertSteadyStateAllocatesNothing(CacheRecorder recorder) {
    LettuceCalls.Sink previous = LettuceCalls.sink;
    LettuceCalls.sink = new LettuceRecorder(recorder);
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

  private static final CommandArgs<String, String> ONE_KEY =
      new CommandArgs<>(StringCodec.UTF8).addKey("user:1");
  private static final CommandArgs<byte[], byte[]> TWO_KEYS =
      new CommandArgs<>(ByteArrayCodec.INSTANCE)
          .addKey("session:1".getBytes(StandardCharsets.UTF_8))
          .addKey("owners::2".getBytes(StandardCharsets.UTF_8));

  private static void run(Object[] outputs, int n) {
    Long one = 1L;
    for (int i = 0; i < n; i++) {
      Object out = outputs[i & 63];
      switch (i & 3) {
        case 0:
          LettuceCalls.dispatched(out, CommandType.GET, ONE_KEY);
          LettuceCalls.completed(out, CommandType.GET, (i & 4) == 0 ? null : "v", false, 1);
          break;
        case 1:
          LettuceCalls.dispatched(out, CommandType.MGET, TWO_KEYS);
          LettuceCalls.element(out, "v");
          LettuceCalls.element(out, null);
          LettuceCalls.completed(out, CommandType.MGET, null, false, 2);
          break;
        case 2:
          LettuceCalls.dispatched(out, CommandType.EXISTS, TWO_KEYS);
          LettuceCalls.completed(out, CommandType.EXISTS, one, false, 2);
          break;
        default:
          LettuceCalls.dispatched(out, CommandType.SET, ONE_KEY);
          LettuceCalls.completed(out, CommandType.SET, "OK", false, 2);
      }
    }
  }
}
