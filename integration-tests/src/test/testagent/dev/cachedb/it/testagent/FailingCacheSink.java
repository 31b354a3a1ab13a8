package dev.cachedb.it.testagent;

import static dev.cachedb.it.testagent.FailingSinks.failure;

import dev.cachedb.agent.bootstrap.CacheCalls;
import java.net.Socket;

/**
 * Throws from every Redis event after the agent's recorder ran; or, {@code completionsOnly},
 * from Lettuce completions and failures alone, before the recorder sees them.
 */
final class FailingCacheSink extends CacheCalls.Sink {
  private final CacheCalls.Sink real;
  private final boolean completionsOnly;

  FailingCacheSink(CacheCalls.Sink real, boolean completionsOnly) {
    this.real = real;
    this.completionsOnly = completionsOnly;
  }

  private void recorded() {
    if (!completionsOnly) {
      throw failure();
    }
  }

  @Override
  public void jedisSent(
      Object connection, Object command, int size, Object arguments, Socket socket, long start,
      Throwable thrown) {
    real.jedisSent(connection, command, size, arguments, socket, start, thrown);
    recorded();
  }

  @Override
  public void jedisReplied(Object connection, Object reply, Throwable thrown) {
    real.jedisReplied(connection, reply, thrown);
    recorded();
  }

  @Override
  public void jedisBroken(Object connection) {
    real.jedisBroken(connection);
    recorded();
  }

  @Override
  public void jedisClosing(Object connection) {
    real.jedisClosing(connection);
    recorded();
  }

  @Override
  public void jedisConnected(Socket socket) {
    real.jedisConnected(socket);
    recorded();
  }

  @Override
  public void lettuceConnecting(Object uri, String host, int port) {
    real.lettuceConnecting(uri, host, port);
    recorded();
  }

  @Override
  public void lettuceDispatched(Object output) {
    real.lettuceDispatched(output);
    recorded();
  }

  @Override
  public void lettuceElement(Object output, Object value) {
    real.lettuceElement(output, value);
    recorded();
  }

  @Override
  public void lettuceCompleted(
      Object output, Object type, Object value, boolean errorReply, int keys) {
    if (completionsOnly) {
      throw failure(); // before the recorder frees the command's in-flight slot
    }
    real.lettuceCompleted(output, type, value, errorReply, keys);
    throw failure();
  }

  @Override
  public void lettuceFailed(Object output, Object type) {
    if (completionsOnly) {
      throw failure();
    }
    real.lettuceFailed(output, type);
    throw failure();
  }
}
