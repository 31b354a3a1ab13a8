package dev.cachedb.agent.bootstrap;

import java.net.Socket;

/**
 * What Jedis advice calls: both ends of every command (Jedis, from 2.9 to 8.x, sends each command
 * through one method of its {@code Connection} and reads every reply through one other), and the
 * connection's life. Each hook hands over to {@link CacheCalls#sink}, whose recorder pairs replies
 * with commands (cache/redis/jedis).
 */
public final class JedisCalls {

  private JedisCalls() {}

  /** Jedis 2.9 to 3.x: {@code sendCommand(command, byte[]... args)} returned or threw. */
  public static void sent(
      Object connection, Object command, byte[][] args, Socket socket, long start,
      Throwable thrown) {
    int size = args == null ? 1 : args.length + 1;
    CacheCalls.sink.jedisSent(connection, command, size, args, socket, start, thrown);
  }

  /**
   * Jedis 4.0 to 8.x: {@code sendCommand(arguments)} returned or threw; {@code command} is the
   * arguments' {@code getCommand()}, {@code size} their {@code size()} (the command included).
   */
  public static void sentArguments(
      Object connection, Object command, int size, Object arguments, Socket socket, long start,
      Throwable thrown) {
    CacheCalls.sink.jedisSent(connection, command, size, arguments, socket, start, thrown);
  }

  /** {@code readProtocolWithCheckingBroken()} returned {@code reply} or threw {@code thrown}. */
  public static void replied(Object connection, Object reply, Throwable thrown) {
    CacheCalls.sink.jedisReplied(connection, reply, thrown);
  }

  /** Flushing failed: every command still waiting on this connection failed with it. */
  public static void broken(Object connection) {
    CacheCalls.sink.jedisBroken(connection);
  }

  /** The connection is closing: replies still owed will never be read. */
  public static void disconnecting(Object connection) {
    CacheCalls.sink.jedisClosing(connection);
  }

  /** A connection was opened: the memory poller's server. */
  public static void connected(Socket socket) {
    CacheCalls.sink.jedisConnected(socket);
  }
}
