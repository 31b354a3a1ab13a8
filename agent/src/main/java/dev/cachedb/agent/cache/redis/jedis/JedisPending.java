package dev.cachedb.agent.cache.redis.jedis;

import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.cache.redis.CommandKind;
import java.util.List;

/**
 * The commands each Jedis connection has sent and whose replies are still to be read, per thread
 * ({@link JedisRecorder} keeps one per thread).
 *
 * <p>Why per thread: a Jedis connection is used by one thread at a time (the client is not
 * thread-safe, pools hand a connection to one borrower), and a pipeline is filled and synced on
 * the same thread. So the state needs no locks and, once its arrays have grown to the deepest
 * pipeline seen, no allocation. A thread tracks up to {@link #SLOTS} connections with replies
 * outstanding at once; a slot holds its connection only while replies are owed, so nothing is
 * kept alive. Replies read on another thread than their command was sent on are not counted.
 */
final class JedisPending {
  static final int SLOTS = 16;

  private final Object[] connections = new Object[SLOTS];
  private final JedisQueue[] queues = new JedisQueue[SLOTS];
  private final CacheRecorder out;

  JedisPending(CacheRecorder out) {
    this.out = out;
  }

  void sent(Object connection, String name, int packed, long start, Object args) {
    int slot = find(connection);
    if (slot < 0) {
      slot = claim(connection);
      if (slot < 0) {
        return; // too many connections with outstanding replies on this thread: not counted
      }
    }
    queues[slot].add(name, packed, start, args);
  }

  void replied(Object connection, Object reply, Throwable thrown, long now) {
    int slot = find(connection);
    if (slot < 0) {
      return; // a reply we did not ask for: setup, pub/sub message, push
    }
    JedisQueue q = queues[slot];
    if (q.isEmpty()) {
      q.skipUntracked();
      release(slot);
      return;
    }
    String name = q.headName();
    int packed = q.headPacked();
    long nanos = now - q.headStart();
    Object args = q.headArgs();
    q.removeHead();
    int kind = JedisReply.kind(packed);
    if (thrown != null) {
      if (!isRedirect(thrown)) {
        out.error(name, nanos);
      }
      if (isBroken(thrown)) {
        q.failAll(out, now);
      } else if (kind == CommandKind.EXEC) {
        q.failQueued(out, now); // EXECABORT
      }
    } else if (q.inMulti && kind != CommandKind.EXEC && kind != CommandKind.DISCARD) {
      q.queue(name, packed, now - nanos, args); // +QUEUED: the real reply comes inside EXEC's
    } else if (kind == CommandKind.MULTI) {
      q.inMulti = true;
      out.success(name, nanos);
    } else if (kind == CommandKind.EXEC) {
      out.success(name, nanos);
      q.execReplied(out, reply instanceof List ? (List<?>) reply : null, now);
    } else if (kind == CommandKind.DISCARD) {
      q.discard();
      out.success(name, nanos);
    } else {
      JedisReply.record(out, name, packed, reply, nanos, args);
    }
    release(slot);
  }

  void failAll(Object connection, long now) {
    int slot = find(connection);
    if (slot >= 0) {
      queues[slot].failAll(out, now);
      release(slot);
    }
  }

  void drop(Object connection) {
    int slot = find(connection);
    if (slot >= 0) {
      queues[slot].clear();
      release(slot);
    }
  }

  private int find(Object connection) {
    for (int i = 0; i < SLOTS; i++) {
      if (connections[i] == connection) {
        return i;
      }
    }
    return -1;
  }

  private int claim(Object connection) {
    for (int i = 0; i < SLOTS; i++) {
      if (connections[i] == null) {
        connections[i] = connection;
        if (queues[i] == null) {
          queues[i] = new JedisQueue();
        }
        return i;
      }
    }
    return -1;
  }

  private void release(int slot) {
    if (queues[slot].isIdle()) {
      connections[slot] = null;
    }
  }

  private static boolean isRedirect(Throwable t) {
    // Cluster MOVED/ASK: the client retries on the right node, and that attempt is counted.
    String n = t.getClass().getName(); // cached by Class: no allocation
    return n.endsWith("MovedDataException") || n.endsWith("AskDataException");
  }

  private static boolean isBroken(Throwable t) {
    // JedisConnectionException: timeout, reset, end of stream. Error replies (JedisDataException
    // and its subclasses) leave the connection usable.
    return t.getClass().getName().endsWith("ConnectionException");
  }
}
