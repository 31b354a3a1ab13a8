package dev.cachedb.agent.bootstrap;

import java.net.Socket;

/**
 * What Jedis advice calls: both ends of every command (Jedis, from 2.9 to 8.x, sends each command
 * through one method of its {@code Connection} and reads every reply through one other), and the
 * connection's life. Each hook hands over to {@link #sink}, whose recorder pairs replies with
 * commands (cache/redis/jedis). Library objects arrive typed {@code Object}.
 */
public final class JedisCalls {

  /** The recorder, installed once at agent start; until then, and with Redis off, a no-op. */
  public static volatile Sink sink = new Sink();

  private JedisCalls() {}

  /** Jedis 2.9 to 3.x: {@code sendCommand(command, byte[]... args)} returned or threw. */
  public static void sent(
      Object connection, Object command, byte[][] args, Socket socket, long start,
      Throwable thrown) {
    int size = args == null ? 1 : args.length + 1;
    sink.sent(connection, command, size, args, socket, start, thrown);
  }

  /**
   * Jedis 4.0 to 8.x: {@code sendCommand(arguments)} returned or threw; {@code command} is the
   * arguments' {@code getCommand()}, {@code size} their {@code size()} (the command included).
   */
  public static void sentArguments(
      Object connection, Object command, int size, Object arguments, Socket socket, long start,
      Throwable thrown) {
    sink.sent(connection, command, size, arguments, socket, start, thrown);
  }

  /** {@code readProtocolWithCheckingBroken()} returned {@code reply} or threw {@code thrown}. */
  public static void replied(Object connection, Object reply, Throwable thrown) {
    sink.replied(connection, reply, thrown);
  }

  /** Flushing failed: every command still waiting on this connection failed with it. */
  public static void broken(Object connection) {
    sink.broken(connection);
  }

  /** The connection is closing: replies still owed will never be read. */
  public static void disconnecting(Object connection) {
    sink.closing(connection);
  }

  /** A connection was opened: the memory poller's server. */
  public static void connected(Socket socket) {
    sink.connected(socket);
  }

  /** Receives Jedis events. The base class ignores them. */
  public static class Sink {
    /**
     * A {@code Connection} sent {@code command} (its {@code Protocol.Command}) or failed to
     * ({@code thrown}); {@code size} counts the command and its arguments, {@code arguments} are
     * 2.9's {@code byte[][]} or 4.0's {@code CommandArguments}; {@code start} is before sending.
     */
    public void sent(
        Object connection, Object command, int size, Object arguments, Socket socket, long start,
        Throwable thrown) {}

    /** A connection read {@code reply} (or failed to, {@code thrown}). */
    public void replied(Object connection, Object reply, Throwable thrown) {}

    /** Flushing a connection failed. */
    public void broken(Object connection) {}

    /** A connection is closing. */
    public void closing(Object connection) {}

    /** A connection opened {@code socket}. */
    public void connected(Socket socket) {}
  }
}
