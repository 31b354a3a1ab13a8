package dev.cachedb.agent.cache.memory;

import dev.cachedb.agent.loop.AgentLoop;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One read of {@code INFO memory} and {@code INFO stats} in flight, on the agent's loop without
 * blocking it: connect, send, and read the reply as the bytes come, however slowly, while the loop
 * serves scrapes. The whole read has one deadline, which the poller checks ({@link #expire}); a
 * server that answers a byte at a time fails it like one that does not answer.
 */
final class RedisPoll implements AgentLoop.Handler {
  /** Told the outcome once: what the server said, or the failure. */
  interface Outcome {
    void polled(RedisServer server, RedisInfo info, Exception failure);
  }

  final long deadline;
  private final RedisServer server;
  private final Outcome outcome;
  private final boolean auth;
  private final ByteBuffer request;
  private byte[] reply = new byte[4096]; // both sections of a Redis 7 fit
  private int length;
  private SelectionKey key;
  private boolean over; // the outcome was told

  private RedisPoll(RedisServer server, long deadline, Outcome outcome) {
    this.server = server;
    this.deadline = deadline;
    this.outcome = outcome;
    RedisServer.Credentials c = server.credentials();
    this.auth = c != null;
    this.request = RedisInfoClient.request(c == null ? null : c.user, c == null ? null : c.password);
  }

  /** Starts a read; call on the loop thread. The outcome may be told before this returns. */
  static RedisPoll start(Selector selector, RedisServer server, long deadline, Outcome outcome) {
    RedisPoll poll = new RedisPoll(server, deadline, outcome);
    SocketChannel channel = null;
    try {
      // The address was resolved moments ago by the application's own client: a cache hit.
      InetSocketAddress address = new InetSocketAddress(server.host, server.port);
      if (address.isUnresolved()) {
        throw new UnknownHostException("unknown host");
      }
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      boolean connected = channel.connect(address);
      poll.key = channel.register(selector,
          connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, poll);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing more to free
        }
      }
      poll.finish(null, e instanceof IOException ? (IOException) e : new IOException(e));
    }
    return poll;
  }

  @Override
  public void ready(SelectionKey key) {
    try {
      SocketChannel channel = (SocketChannel) key.channel();
      if (key.isConnectable() && channel.finishConnect()) {
        key.interestOps(SelectionKey.OP_WRITE);
      }
      if (key.isWritable()) {
        channel.write(request);
        if (!request.hasRemaining()) {
          Arrays.fill(request.array(), (byte) 0); // it may hold the password
          key.interestOps(SelectionKey.OP_READ);
        }
      } else if (key.isReadable()) {
        read(channel);
      }
    } catch (IOException | RuntimeException e) {
      finish(null, e instanceof IOException ? (IOException) e : new IOException(e));
    }
  }

  private void read(SocketChannel channel) throws IOException {
    if (length == reply.length) {
      if (length >= RedisInfoClient.MAX_REPLY_BYTES) {
        throw new IOException("INFO reply too long");
      }
      reply = Arrays.copyOf(reply, length * 2);
    }
    int n = channel.read(ByteBuffer.wrap(reply, length, reply.length - length));
    if (n < 0) {
      throw new EOFException("connection closed");
    }
    length += n;
    RedisInfo info = RedisInfoClient.read(reply, length, auth);
    if (info != null) {
      finish(info, null);
    }
  }

  /** Fails the read if its deadline passed; true when it is over. */
  boolean expire(long now) {
    if (!over && now >= deadline) {
      finish(null, new SocketTimeoutException("INFO took too long"));
    }
    return over;
  }

  private void finish(RedisInfo info, IOException failure) {
    if (over) {
      return;
    }
    over = true;
    Arrays.fill(request.array(), (byte) 0);
    if (key != null) {
      AgentLoop.close(key); // a failed connect has closed the channel already: harmless
    }
    outcome.polled(server, info, failure);
  }
}
