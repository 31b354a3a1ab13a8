package dev.cachedb.agent.cache.redis.jedis;

import dev.cachedb.agent.cache.redis.CommandKeys;
import dev.cachedb.agent.pool.Reflect;
import java.util.List;

/**
 * The keys of a Jedis command, read where they already are: 2.9 to 3.x send a {@code byte[][]}
 * whose first elements are the keys of every read this agent classifies; 4.0 to 8.x send a
 * {@code CommandArguments}, whose {@code args} list holds the command and then each argument as a
 * {@code Rawable} whose bytes are exactly what goes to Redis (8.x's key preprocessor included).
 *
 * <p>By reflection ({@link Reflect}, members found once per class): the agent's classes cannot
 * link to the application's Jedis, and reading a key must never cost an iteration (an iterator
 * per read). If a member is missing, the key reads as null, which counts as {@code other}; the
 * per-command counts are untouched.
 */
final class JedisKeys extends CommandKeys {
  static final JedisKeys INSTANCE = new JedisKeys();
  private static final Reflect.FieldReader ARGS = Reflect.fieldReader("args");
  /** The bytes a {@code RawableFactory.Raw} holds: a field read is cheaper than the getter. */
  private static final Reflect.FieldReader RAW = Reflect.fieldReader("raw");
  private static final Reflect.MethodCaller GET_RAW = Reflect.methodCaller("getRaw");

  private JedisKeys() {}

  @Override
  public Object key(Object args, int index) {
    if (args instanceof byte[][]) {
      byte[][] a = (byte[][]) args;
      return index < a.length ? a[index] : null;
    }
    try {
      Object list = ARGS.read(args);
      if (!(list instanceof List) || index + 1 >= ((List<?>) list).size()) {
        return null;
      }
      Object rawable = ((List<?>) list).get(index + 1); // 0 is the command
      if (rawable == null) {
        return null;
      }
      Object raw = RAW.read(rawable);
      return raw instanceof byte[] ? raw : GET_RAW.call(rawable); // other Rawables: 8.x's lazy one
    } catch (Exception e) {
      return null;
    }
  }
}
