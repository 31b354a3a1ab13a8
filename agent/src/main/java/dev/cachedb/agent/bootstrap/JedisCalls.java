package dev.cachedb.agent.bootstrap;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * What Jedis advice calls. Jedis, in every version from 2.9 to 8.x, funnels each command through
 * one send method of its {@code Connection} and reads every reply through one read method, replies
 * arriving in the order the commands were sent (direct calls, pipelines and transactions alike).
 * So advice reports both ends and {@link JedisPending} pairs them in FIFO order per connection:
 * the reply decides hit or miss, and the duration runs from sending to having the reply.
 *
 * <p>Commands sent while {@link CallDepth#REDIS_COMMAND} is entered are the client's own
 * housekeeping (AUTH, SELECT, HELLO, CLIENT SETINFO when connecting, the pool's validation PING)
 * and are not counted; their credentials are still noted for the memory poller.
 */
public final class JedisCalls {

  private JedisCalls() {}

  /** Jedis 2.9 to 3.x: {@code sendCommand(command, byte[]... args)} returned or threw. */
  public static void sent(
      Object connection, Object command, byte[][] args, Socket socket, long start,
      Throwable thrown) {
    String name = JedisArguments.name(command);
    if (name == "AUTH" || name == "HELLO") { // enum names are interned literals
      JedisCredentials.noted(name, args, socket);
    }
    enqueue(connection, name, args == null ? 0 : args.length, start, thrown);
  }

  /**
   * Jedis 4.0 to 8.x: {@code sendCommand(arguments)} returned or threw; {@code command} is the
   * arguments' {@code getCommand()}, {@code size} their {@code size()} (the command included).
   */
  public static void sentArguments(
      Object connection, Object command, int size, Object arguments, Socket socket, long start,
      Throwable thrown) {
    String name = JedisArguments.name(command);
    if (name == "AUTH" || name == "HELLO") {
      JedisCredentials.noted(name, JedisArguments.raw(arguments), socket);
    }
    int keys = name == "EXISTS" ? size - 1 : 0;
    enqueue(connection, name, keys, start, thrown);
  }

  private static void enqueue(
      Object connection, String name, int keys, long start, Throwable thrown) {
    if (CallDepth.enter(CallDepth.REDIS_COMMAND) > 0) {
      CallDepth.exit(CallDepth.REDIS_COMMAND);
      return; // the client's own housekeeping
    }
    CallDepth.exit(CallDepth.REDIS_COMMAND);
    if (thrown != null) {
      // Not sent at all (connect or write failed): no reply will come.
      CacheCalls.sink.error(name, System.nanoTime() - start);
      return;
    }
    JedisPending.forThread().sent(connection, name, RedisCommandKind.of(name, keys), start);
  }

  /** {@code readProtocolWithCheckingBroken()} returned {@code reply} or threw {@code thrown}. */
  public static void replied(Object connection, Object reply, Throwable thrown) {
    JedisPending.forThread().replied(connection, reply, thrown, System.nanoTime());
  }

  /** Flushing failed: every command still waiting on this connection failed with it. */
  public static void broken(Object connection) {
    JedisPending.forThread().failAll(connection, System.nanoTime());
  }

  /** The connection is closing: replies still owed will never be read. */
  public static void disconnecting(Object connection) {
    JedisPending.forThread().drop(connection);
  }

  /** A connection was opened: tell the memory poller which server it talks to. */
  public static void connected(Socket socket) {
    SocketAddress address = socket == null ? null : socket.getRemoteSocketAddress();
    if (address instanceof InetSocketAddress) {
      InetSocketAddress a = (InetSocketAddress) address;
      CacheCalls.sink.server(a.getHostString(), a.getPort(), null, null);
    }
  }
}
