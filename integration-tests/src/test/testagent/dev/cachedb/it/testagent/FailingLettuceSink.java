package dev.cachedb.it.testagent;

import static dev.cachedb.it.testagent.FailingSinks.failure;

import dev.cachedb.agent.bootstrap.LettuceCalls;

/**
 * Throws from every Lettuce event after the agent's recorder ran; or, {@code completionsOnly},
 * from completions and failures alone, before the recorder sees them.
 */
final class FailingLettuceSink extends LettuceCalls.Sink {
  private final LettuceCalls.Sink real;
  private final boolean completionsOnly;

  FailingLettuceSink(LettuceCalls.Sink real, boolean completionsOnly) {
    this.real = real;
    this.completionsOnly = completionsOnly;
  }

  private void recorded() {
    if (!completionsOnly) {
      throw failure();
    }
  }

  @Override
  public void connecting(Object uri, String host, int port) {
    real.connecting(uri, host, port);
    recorded();
  }

  @Override
  public void dispatched(Object output, Object type, Object args) {
    real.dispatched(output, type, args);
    recorded();
  }

  @Override
  public void element(Object output, Object value) {
    real.element(output, value);
    recorded();
  }

  @Override
  public void completed(Object output, Object type, Object value, boolean errorReply, int keys) {
    if (completionsOnly) {
      throw failure(); // before the recorder frees the command's in-flight slot
    }
    real.completed(output, type, value, errorReply, keys);
    throw failure();
  }

  @Override
  public void failed(Object output, Object type) {
    if (completionsOnly) {
      throw failure();
    }
    real.failed(output, type);
    throw failure();
  }
}
