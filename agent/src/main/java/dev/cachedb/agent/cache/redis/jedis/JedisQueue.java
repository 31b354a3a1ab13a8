package dev.cachedb.agent.cache.redis.jedis;

import dev.cachedb.agent.cache.CacheRecorder;
import java.util.Arrays;
import java.util.List;

/**
 * One connection's commands awaiting replies (a ring), and the commands a MULTI has queued whose
 * replies arrive inside EXEC's. Arrays grow by doubling up to {@link #MAX}; past that, further
 * commands are only counted as untracked so that later replies still pair with the right command.
 */
final class JedisQueue {
  static final int MAX = 1 << 16;

  private String[] names = new String[8];
  private int[] packed = new int[8];
  private long[] starts = new long[8];
  private Object[] args = new Object[8]; // a read's arguments, for its key prefix; else null
  private int head;
  private int size;
  private int untracked;

  boolean inMulti;
  private String[] queuedNames = new String[4];
  private int[] queuedPacked = new int[4];
  private long[] queuedStarts = new long[4];
  private Object[] queuedArgs = new Object[4];
  private int queued;

  void add(String name, int kind, long start, Object arguments) {
    if (untracked > 0 || (size == names.length && !grow())) {
      untracked++;
      return;
    }
    int i = (head + size) & (names.length - 1);
    names[i] = name;
    packed[i] = kind;
    starts[i] = start;
    args[i] = arguments;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean isIdle() {
    return size == 0 && untracked == 0 && !inMulti && queued == 0;
  }

  String headName() {
    return names[head];
  }

  int headPacked() {
    return packed[head];
  }

  long headStart() {
    return starts[head];
  }

  Object headArgs() {
    return args[head];
  }

  void removeHead() {
    names[head] = null;
    args[head] = null;
    head = (head + 1) & (names.length - 1);
    size--;
  }

  void skipUntracked() {
    if (untracked > 0) {
      untracked--;
    }
  }

  void queue(String name, int kind, long start, Object arguments) {
    if (queued == queuedNames.length) {
      if (queued == MAX) {
        return;
      }
      queuedNames = Arrays.copyOf(queuedNames, queued * 2);
      queuedPacked = Arrays.copyOf(queuedPacked, queued * 2);
      queuedStarts = Arrays.copyOf(queuedStarts, queued * 2);
      queuedArgs = Arrays.copyOf(queuedArgs, queued * 2);
    }
    queuedNames[queued] = name;
    queuedPacked[queued] = kind;
    queuedStarts[queued] = start;
    queuedArgs[queued] = arguments;
    queued++;
  }

  /** EXEC's reply: element i is the reply of the i-th queued command (null: WATCH aborted it). */
  void execReplied(CacheRecorder out, List<?> replies, long now) {
    if (replies != null) {
      for (int i = 0; i < queued && i < replies.size(); i++) {
        JedisReply.record(
            out, queuedNames[i], queuedPacked[i], replies.get(i), now - queuedStarts[i],
            queuedArgs[i]);
      }
    }
    discard();
  }

  void failQueued(CacheRecorder out, long now) {
    for (int i = 0; i < queued; i++) {
      out.error(queuedNames[i], now - queuedStarts[i]);
    }
    discard();
  }

  void discard() {
    Arrays.fill(queuedNames, 0, queued, null);
    Arrays.fill(queuedArgs, 0, queued, null);
    queued = 0;
    inMulti = false;
  }

  /** The connection broke: no reply will come for anything it still owes. */
  void failAll(CacheRecorder out, long now) {
    while (size > 0) {
      out.error(headName(), now - headStart());
      removeHead();
    }
    failQueued(out, now);
    untracked = 0;
  }

  void clear() {
    while (size > 0) {
      removeHead();
    }
    discard();
    untracked = 0;
  }

  private boolean grow() {
    int n = names.length;
    if (n >= MAX) {
      return false;
    }
    String[] nn = new String[n * 2];
    int[] np = new int[n * 2];
    long[] ns = new long[n * 2];
    Object[] na = new Object[n * 2];
    for (int k = 0; k < size; k++) {
      int i = (head + k) & (n - 1);
      nn[k] = names[i];
      np[k] = packed[i];
      ns[k] = starts[i];
      na[k] = args[i];
    }
    names = nn;
    packed = np;
    starts = ns;
    args = na;
    head = 0;
    return true;
  }
}
