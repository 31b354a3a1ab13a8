package dev.cachedb.agent.util;

import dev.cachedb.agent.bootstrap.CallDepth;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recorder's per-thread state, kept in the one thread-local the agent puts in the application's
 * threads ({@link CallDepth#slots}) rather than in a thread-local of its own: a request thread
 * whose map holds more entries probes further in every lookup of the application's own
 * thread-locals. Each instance owns one slot index for the JVM's life, so two recorders (tests
 * make many) never share state; the agent itself makes a handful.
 */
public abstract class PerThread<T> {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private final int index = NEXT.getAndIncrement();

  /** The calling thread's state, made on its first use by this thread. */
  @SuppressWarnings("unchecked")
  public final T get() {
    Object[] slots = CallDepth.slots(index);
    Object value = slots[index];
    if (value == null) {
      value = initialValue();
      slots[index] = value;
    }
    return (T) value;
  }

  protected abstract T initialValue();
}
