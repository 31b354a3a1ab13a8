package dev.cachedb.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallDepthTest {

  @Test
  void outermostCallSeesDepthZeroAndNestedCallsDoNot() {
    assertThat(CallDepth.enter(CallDepth.JDBC_EXECUTE)).isEqualTo(0);
    assertThat(CallDepth.enter(CallDepth.JDBC_EXECUTE)).isEqualTo(1);
    assertThat(CallDepth.enter(CallDepth.REDIS_COMMAND)).as("kinds are independent").isEqualTo(0);
    CallDepth.exit(CallDepth.REDIS_COMMAND);
    CallDepth.exit(CallDepth.JDBC_EXECUTE);
    CallDepth.exit(CallDepth.JDBC_EXECUTE);
    assertThat(CallDepth.enter(CallDepth.JDBC_EXECUTE)).isEqualTo(0);
    CallDepth.exit(CallDepth.JDBC_EXECUTE);
  }

  @Test
  void depthIsPerThread() throws Exception {
    CallDepth.enter(CallDepth.POOL_BORROW);
    AtomicInteger seen = new AtomicInteger(-1);
    Thread t = new Thread(() -> seen.set(CallDepth.enter(CallDepth.POOL_BORROW)));
    t.start();
    t.join();
    CallDepth.exit(CallDepth.POOL_BORROW);
    assertThat(seen.get()).isEqualTo(0);
  }

  @Test
  void anUnpairedExitNeverGoesNegative() {
    CallDepth.exit(CallDepth.POOL_RETURN);
    assertThat(CallDepth.enter(CallDepth.POOL_RETURN)).isEqualTo(0);
    CallDepth.exit(CallDepth.POOL_RETURN);
  }
}
