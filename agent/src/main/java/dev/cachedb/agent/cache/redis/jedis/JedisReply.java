package dev.cachedb.agent.cache.redis.jedis;

import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.cache.redis.CommandKind;
import dev.cachedb.agent.cache.redis.PrefixReads;
import java.util.List;

/**
 * A command's {@link CommandKind} and key count, packed into the one int that waits with it in
 * {@link JedisQueue}, and what counting needs read from a Jedis reply: at this level (the
 * protocol's), a multi-bulk reply is a {@code List} whose nils are null elements.
 */
final class JedisReply {

  private JedisReply() {}

  static int pack(int kind, int keys) {
    return kind | (Math.max(0, keys) << 4);
  }

  static int kind(int packed) {
    return packed & 0xF;
  }

  /** Records one command whose reply (not an error) is {@code reply}. */
  static void record(
      CacheRecorder out, String name, int packed, Object reply, long nanos, Object args) {
    int kind = kind(packed);
    int present = 0;
    int absent = 0;
    if (kind == CommandKind.PER_ELEMENT && reply instanceof List) {
      List<?> values = (List<?>) reply;
      Object perKey = PrefixReads.perKey(name) ? args : null;
      for (int i = 0, n = values.size(); i < n; i++) {
        boolean found = values.get(i) != null;
        if (found) {
          present++;
        } else {
          absent++;
        }
        PrefixReads.element(out, JedisKeys.INSTANCE, perKey, i, found);
      }
    }
    CommandKind.record(
        out, name, kind, packed >>> 4, reply, present, absent, nanos, JedisKeys.INSTANCE, args);
  }
}
