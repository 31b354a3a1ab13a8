package dev.cachedb.agent.cache.redis.jedis;

import dev.cachedb.agent.bootstrap.CallDepth;
import dev.cachedb.agent.bootstrap.JedisCalls;
import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.cache.redis.CommandKind;
import dev.cachedb.agent.util.PerThread;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * Records Jedis commands from the two ends the hooks report, installed as {@link JedisCalls#sink}:
 * replies arrive in the order their commands were sent, on every API (direct calls, pipelines,
 * transactions), so {@link JedisPending} pairs them in FIFO order per connection; the reply decides
 * hit or miss, and the duration runs from sending to having the reply.
 *
 * <p>Commands sent while {@link CallDepth#REDIS_COMMAND} is entered are the client's own
 * housekeeping (AUTH, SELECT, HELLO, CLIENT SETINFO when connecting, the pool's validation PING)
 * and are not counted; their credentials are still noted for the memory poller.
 *
 * <p>The pending commands are per thread, in a {@link PerThread}: the threads are the
 * application's, the state is the agent's, and a thread's state holds a connection only while
 * replies are owed on it.
 */
public final class JedisRecorder extends JedisCalls.Sink {
  private final CacheRecorder out;
  private final PerThread<JedisPending> pending;

  public JedisRecorder(final CacheRecorder out) {
    this.out = out;
    this.pending =
        new PerThread<JedisPending>() {
          @Override
          protected JedisPending initialValue() {
            return new JedisPending(out);
          }
        };
  }

  @Override
  public void sent(
      Object connection, Object command, int size, Object arguments, Socket socket, long start,
      Throwable thrown) {
    String name = JedisArguments.name(command);
    if (name == "AUTH" || name == "HELLO") { // enum names are interned literals
      byte[][] args =
          arguments instanceof byte[][] ? (byte[][]) arguments : JedisArguments.raw(arguments);
      JedisCredentials.noted(out, name, args, socket);
    }
    if (CallDepth.enter(CallDepth.REDIS_COMMAND) > 0) {
      CallDepth.exit(CallDepth.REDIS_COMMAND);
      return; // the client's own housekeeping
    }
    CallDepth.exit(CallDepth.REDIS_COMMAND);
    if (thrown != null) {
      // Not sent at all (connect or write failed): no reply will come.
      out.error(name, System.nanoTime() - start);
      return;
    }
    int kind = CommandKind.of(name);
    int keys = kind == CommandKind.COUNT ? size - 1 : 0;
    // A read's arguments wait with it for the reply, which decides each key's hit or miss.
    Object args = CommandKind.isRead(kind) && out.countsPrefixes() ? arguments : null;
    pending.get().sent(connection, name, JedisReply.pack(kind, keys), start, args);
  }

  @Override
  public void replied(Object connection, Object reply, Throwable thrown) {
    pending.get().replied(connection, reply, thrown, System.nanoTime());
  }

  @Override
  public void broken(Object connection) {
    pending.get().failAll(connection, System.nanoTime());
  }

  @Override
  public void closing(Object connection) {
    pending.get().drop(connection);
  }

  /** A new socket: tell the memory poller which server it talks to. */
  @Override
  public void connected(Socket socket) {
    SocketAddress address = socket == null ? null : socket.getRemoteSocketAddress();
    if (address instanceof InetSocketAddress) {
      InetSocketAddress a = (InetSocketAddress) address;
      out.server(a.getHostString(), a.getPort(), null, null);
    }
  }
}
