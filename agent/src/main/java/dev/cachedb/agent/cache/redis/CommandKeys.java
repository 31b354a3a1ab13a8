package dev.cachedb.agent.cache.redis;

/**
 * Reads the keys of a command as its client holds them, for counting reads per key prefix: each
 * client's recorder has one (cache/redis/jedis, cache/redis/lettuce), and {@link PrefixReads}
 * asks it for the key it needs when the reply has decided hit or miss.
 */
public abstract class CommandKeys {
  /**
   * The {@code index}-th key of the command whose arguments are {@code args}, as a {@code byte[]}
   * or a String; null when there is none or it cannot be read (counted as {@code other}).
   */
  public abstract Object key(Object args, int index);
}
