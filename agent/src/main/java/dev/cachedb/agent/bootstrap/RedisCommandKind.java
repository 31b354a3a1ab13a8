package dev.cachedb.agent.bootstrap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a command's reply classifies, as the metrics contract's table says. The kind is looked up
 * once when the command is sent and travels with it, packed with the key count into one int.
 */
final class RedisCommandKind {
  static final int SUCCESS = 0;
  /** nil reply is a miss: GET, GETEX, GETDEL, HGET, LINDEX, ZSCORE. */
  static final int NIL_MISS = 1;
  /** empty reply is a miss: HGETALL, SMEMBERS, LRANGE, ZRANGE. */
  static final int EMPTY_MISS = 2;
  /** each element counts, nil is a miss: MGET, HMGET. */
  static final int PER_ELEMENT = 3;
  /** the integer reply is the hits, the other keys are misses: EXISTS. */
  static final int COUNT = 4;
  static final int MULTI = 5;
  static final int EXEC = 6;
  static final int DISCARD = 7;

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

  private RedisCommandKind() {}

  /** The packed kind of {@code name} (upper case, as Jedis' enums spell it) with its key count. */
  static int of(String name, int keys) {
    Integer k = KINDS.get(name); // a cached Integer: no allocation
    return (k == null ? SUCCESS : k) | (Math.max(0, keys) << 4);
  }

  static int kind(int packed) {
    return packed & 0xF;
  }

  /** Records one command whose reply (not an error) is {@code reply}. */
  static void record(CacheCalls.Sink sink, String name, int packed, Object reply, long nanos) {
    if (reply instanceof Throwable) { // an element of EXEC's or a pipeline's replies
      sink.error(name, nanos);
      return;
    }
    switch (kind(packed)) {
      case NIL_MISS:
        sink.read(name, reply == null ? 0 : 1, reply == null ? 1 : 0, nanos);
        return;
      case EMPTY_MISS:
        boolean empty = reply == null || (reply instanceof List && ((List<?>) reply).isEmpty())
            || (reply instanceof Map && ((Map<?, ?>) reply).isEmpty());
        sink.read(name, empty ? 0 : 1, empty ? 1 : 0, nanos);
        return;
      case PER_ELEMENT:
        int hits = 0;
        int misses = 0;
        if (reply instanceof List) {
          List<?> values = (List<?>) reply;
          for (int i = 0, n = values.size(); i < n; i++) {
            if (values.get(i) == null) {
              misses++;
            } else {
              hits++;
            }
          }
        }
        sink.read(name, hits, misses, nanos);
        return;
      case COUNT:
        int found = reply instanceof Long ? (int) ((Long) reply).longValue() : 0;
        int keys = packed >>> 4;
        sink.read(name, found, Math.max(0, keys - found), nanos);
        return;
      default:
        sink.success(name, nanos);
    }
  }
}
