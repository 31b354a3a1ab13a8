package dev.cachedb.agent.pool;

/** A reader of any {@code poolClass} that reads nothing, for tests of the shared machinery. */
class StubReader extends PoolReader {

  StubReader(String poolClass, String type) {
    super(poolClass, type, null);
  }

  /** A reader known only by its type, the prefix of generated names. */
  static PoolReader ofType(String type) {
    return new StubReader("test." + type, type);
  }

  @Override
  public void read(Object pool, int[] out) {}
}
