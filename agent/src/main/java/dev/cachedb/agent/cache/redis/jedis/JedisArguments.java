package dev.cachedb.agent.cache.redis.jedis;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Jedis command objects without compiling against Jedis: the command name from its
 * {@code Protocol.Command} enum (the constant's own name, so nothing is allocated), and the raw
 * arguments of 4.0's {@code CommandArguments} for AUTH and HELLO.
 *
 * <p>Only the raw arguments are read by reflection ({@code Rawable.getRaw()}, found once per
 * class), and on purpose: they serve the memory poller's login alone, so if the member is missing
 * the poller connects without credentials and every command is still counted. What counting
 * needs ({@code getCommand()}, {@code size()}) the advice calls directly, where the weave-time
 * reference check sees it.
 */
final class JedisArguments {
  private static final Object[] NO_ARGS = new Object[0];

  private static final ClassValue<Method> GET_RAW = method("getRaw");

  private JedisArguments() {}

  /** The enum constant's name ({@code GET}); a command that is not an enum is {@code OTHER}. */
  static String name(Object command) {
    return command instanceof Enum ? ((Enum<?>) command).name() : "OTHER";
  }

  /** The raw bytes of every argument after the command (only for AUTH and HELLO: allocates). */
  static byte[][] raw(Object arguments) {
    if (!(arguments instanceof Iterable)) {
      return null;
    }
    List<byte[]> out = new ArrayList<byte[]>();
    boolean first = true;
    for (Object rawable : (Iterable<?>) arguments) {
      if (first) {
        first = false; // the command itself
        continue;
      }
      Object bytes = invoke(GET_RAW, rawable);
      if (!(bytes instanceof byte[])) {
        return null;
      }
      out.add((byte[]) bytes);
    }
    return out.toArray(new byte[0][]);
  }

  private static Object invoke(ClassValue<Method> methods, Object target) {
    if (target == null) {
      return null;
    }
    Method m = methods.get(target.getClass());
    if (m == null) {
      return null;
    }
    try {
      return m.invoke(target, NO_ARGS);
    } catch (Exception e) {
      return null;
    }
  }

  private static ClassValue<Method> method(final String name) {
    return new ClassValue<Method>() {
      @Override
      protected Method computeValue(Class<?> type) {
        try {
          Method m = type.getMethod(name);
          m.setAccessible(true); // the class may be a non-public implementation
          return m;
        } catch (Exception | LinkageError e) {
          return null;
        }
      }
    };
  }
}
