package dev.cachedb.agent.cache.redis;

import dev.cachedb.agent.cache.CacheRecorder;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Hit or miss, as the metrics contract's table says: the one place that turns a Redis reply into
 * hits and misses, for Jedis and Lettuce alike. A client's recorder looks a command's kind up by
 * name and, when the reply is in hand, passes what it read of it to {@link #record}.
 */
public final class CommandKind {
  public static final int SUCCESS = 0;
  /** nil reply is a miss: GET, GETEX, GETDEL, HGET, LINDEX, ZSCORE. */
  public static final int NIL_MISS = 1;
  /** empty reply is a miss: HGETALL, SMEMBERS, LRANGE, ZRANGE. */
  public static final int EMPTY_MISS = 2;
  /** each element counts, nil is a miss: MGET, HMGET. */
  public static final int PER_ELEMENT = 3;
  /** the integer reply is the hits, the other keys are misses: EXISTS. */
  public static final int COUNT = 4;
  public static final int MULTI = 5;
  public static final int EXEC = 6;
  public static final int DISCARD = 7;

  private static final Map<String, Integer> KINDS = new HashMap<String, Integer>();

  static {
    for (String c : new String[] {"GET", "GETEX", "GETDEL", "HGET", "LINDEX", "ZSCORE"}) {
      KINDS.put(c, NIL_MISS);
    }
    for (String c : new String[] {"HGETALL", "SMEMBERS", "LRANGE", "ZRANGE"}) {
      KINDS.put(c, EMPTY_MISS);
    }
    KINDS.put("MGET", PER_ELEMENT);
    KINDS.put("HMGET", PER_ELEMENT);
    KINDS.put("EXISTS", COUNT);
    KINDS.put("MULTI", MULTI);
    KINDS.put("EXEC", EXEC);
    KINDS.put("DISCARD", DISCARD);
  }

  private CommandKind() {}

  /** The kind of {@code name}, upper case as both clients' enums spell it. */
  public static int of(String name) {
    Integer k = KINDS.get(name); // a cached Integer: no allocation
    return k == null ? SUCCESS : k;
  }

  /** Whether commands of {@code kind} are reads (counted as hits and misses). */
  public static boolean isRead(int kind) {
    return kind >= NIL_MISS && kind <= COUNT;
  }

  /**
   * Records one command of {@code kind} that got {@code reply} (not an error reply), also per
   * key prefix when {@code args} are given ({@link PrefixReads}, keys read by {@code reader}). {@code
   * present} and {@code absent} are the values and nils the client counted in the reply (what
   * {@link #PER_ELEMENT} counts, and a streamed reply's elements for {@link #EMPTY_MISS}); {@code
   * keys} is the key count of {@link #COUNT}.
   */
  public static void record(
      CacheRecorder out, String name, int kind, int keys, Object reply, int present, int absent,
      long nanos, CommandKeys reader, Object args) {
    if (reply instanceof Throwable) { // an element of a Jedis EXEC's or pipeline's replies
      out.error(name, nanos);
      return;
    }
    switch (kind) {
      case NIL_MISS:
        read(out, name, kind, keys, reply == null ? 0 : 1, reply == null ? 1 : 0, nanos, reader,
            args);
        return;
      case EMPTY_MISS:
        boolean hit = present > 0 || notEmpty(reply);
        read(out, name, kind, keys, hit ? 1 : 0, hit ? 0 : 1, nanos, reader, args);
        return;
      case PER_ELEMENT:
        read(out, name, kind, keys, present, absent, nanos, reader, args);
        return;
      case COUNT:
        int found = reply instanceof Long ? (int) Math.min(keys, (Long) reply) : 0;
        read(out, name, kind, keys, found, Math.max(0, keys - found), nanos, reader, args);
        return;
      default:
        out.success(name, nanos);
    }
  }

  private static void read(
      CacheRecorder out, String name, int kind, int keys, int hits, int misses, long nanos,
      CommandKeys reader, Object args) {
    out.read(name, hits, misses, nanos);
    PrefixReads.read(out, reader, args, name, kind, keys, hits, misses);
  }

  private static boolean notEmpty(Object reply) {
    if (reply instanceof Collection) {
      return !((Collection<?>) reply).isEmpty();
    }
    if (reply instanceof Map) {
      return !((Map<?, ?>) reply).isEmpty();
    }
    return false;
  }
}
