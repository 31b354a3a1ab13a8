package dev.cachedb.agent.instrumentation.agroal.v1_1;

import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.Reflect;

/**
 * Agroal's {@code ConnectionPool}: the state of each of its connection handlers, its waiting
 * threads and the maximum of its configuration (1.1 to 2.x). Not its {@code activeCount()}: 2.x
 * counts only some borrows there (0 with three connections lent, 2.8). Agroal pools have no name:
 * {@code agroal-<n>}.
 */
final class AgroalPoolReader extends PoolReader {
  private static final Reflect.FieldReader HANDLER = Reflect.fieldReader("handler");


  AgroalPoolReader() {
    super("io.agroal.pool.ConnectionPool", "agroal", null);
  }

  @Override
  public void read(Object pool, int[] out) throws Exception {
    int total = 0;
    int lent = 0;
    int idle = 0;
    for (Object handler : (Iterable<?>) Reflect.field(pool, "allConnections")) {
      Object state = Reflect.field(handler, "state");
      String name = state instanceof Enum ? ((Enum<?>) state).name() : "";
      total++;
      lent += name.equals("CHECKED_OUT") ? 1 : 0;
      idle += name.equals("CHECKED_IN") ? 1 : 0;
    }
    out[TOTAL] = total;
    out[ACTIVE] = lent;
    out[IDLE] = idle;
    out[MAX] = Reflect.callInt(Reflect.field(pool, "configuration"), "maxSize");
    out[PENDING] = Reflect.callInt(pool, "awaitingCount");
  }

  /**
   * The {@code ConnectionHandler} inside the {@code ConnectionWrapper} lent: the wrapper is new at
   * every borrow, the handler lives as long as the physical connection and goes back through the
   * pool's return method, so its clock slot is made once.
   */
  @Override
  public Object usageKey(Object connection) {
    try {
      return HANDLER.read(connection);
    } catch (Exception e) {
      return null;
    }
  }
}
