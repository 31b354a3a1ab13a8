package dev.cachedb.agent.instrumentation.weave;

import dev.cachedb.agent.bootstrap.AdviceErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records what woven code hands to {@link AdviceErrors} ("site message") while installed; restores
 * the sink it replaced on close. It then throws, as a failing recorder would: the hook must
 * swallow that too.
 */
public final class SuppressedHook implements AutoCloseable {
  public final List<String> seen = Collections.synchronizedList(new ArrayList<>());
  private final AdviceErrors.Sink before = AdviceErrors.sink;

  private SuppressedHook() {
    AdviceErrors.sink = new AdviceErrors.Sink() {
      @Override
      public void suppressed(String site, Throwable thrown) {
        seen.add(site + " " + thrown.getMessage());
        throw new IllegalStateException("the recorder fails too");
      }
    };
  }

  public static SuppressedHook install() {
    return new SuppressedHook();
  }

  @Override
  public void close() {
    AdviceErrors.sink = before;
  }
}
