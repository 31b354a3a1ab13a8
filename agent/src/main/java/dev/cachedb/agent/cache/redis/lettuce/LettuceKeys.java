package dev.cachedb.agent.cache.redis.lettuce;

import dev.cachedb.agent.cache.redis.CommandKeys;
import dev.cachedb.agent.pool.Reflect;
import java.util.List;

/**
 * The keys of a Lettuce command, from its {@code CommandArgs}: the list {@code
 * singularArguments} holds a {@code KeyArgument} per key, whose field {@code key} is the key as
 * the application gave it (a String with the String codec, a {@code byte[]} with the byte-array
 * codec Spring Data Redis uses). Both fields are the same from 5.0 to 7.x. Reading the key itself
 * rather than its encoded bytes costs no encoding and no buffer.
 *
 * <p>By reflection ({@link Reflect}), for the reasons of {@code JedisKeys}; a key of another
 * type (a custom codec's) or a missing member reads as null and counts as {@code other}.
 */
final class LettuceKeys extends CommandKeys {
  static final LettuceKeys INSTANCE = new LettuceKeys();
  private static final Reflect.FieldReader SINGULAR_ARGUMENTS =
      Reflect.fieldReader("singularArguments");
  private static final Reflect.FieldReader KEY = Reflect.fieldReader("key");

  private LettuceKeys() {}

  @Override
  public Object key(Object args, int index) {
    try {
      Object list = SINGULAR_ARGUMENTS.read(args);
      if (!(list instanceof List) || index >= ((List<?>) list).size()) {
        return null;
      }
      Object argument = ((List<?>) list).get(index);
      return argument == null ? null : KEY.read(argument);
    } catch (Exception e) {
      return null;
    }
  }
}
