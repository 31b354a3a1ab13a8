package dev.cachedb.it.testagent;

import static dev.cachedb.it.testagent.FailingSinks.failure;

import dev.cachedb.agent.bootstrap.JedisCalls;
import java.net.Socket;

/** Throws from every Jedis event after the agent's recorder ran. */
final class FailingJedisSink extends JedisCalls.Sink {
  private final JedisCalls.Sink real;

  FailingJedisSink(JedisCalls.Sink real) {
    this.real = real;
  }

  @Override
  public void sent(
      Object connection, Object command, int size, Object arguments, Socket socket, long start,
      Throwable thrown) {
    real.sent(connection, command, size, arguments, socket, start, thrown);
    throw failure();
  }

  @Override
  public void replied(Object connection, Object reply, Throwable thrown) {
    real.replied(connection, reply, thrown);
    throw failure();
  }

  @Override
  public void broken(Object connection) {
    real.broken(connection);
    throw failure();
  }

  @Override
  public void closing(Object connection) {
    real.closing(connection);
    throw failure();
  }

  @Override
  public void connected(Socket socket) {
    real.connected(socket);
    throw failure();
  }
}
