package dev.cachedb.agent.instrumentation.oracle;

/** A statement's and a connection's advised methods, shaped as in {@code java.sql}. */
public class JdbcSample {
  public boolean execute(String sql) {
    return Behaviour.result(true);
  }

  public int executeUpdate(String sql) {
    return Behaviour.result(3);
  }

  public boolean execute() {
    return Behaviour.result(false);
  }

  public int[] executeBatch() {
    return Behaviour.result(new int[] {1});
  }

  public long executeLargeUpdate() {
    return Behaviour.result(5L);
  }

  public void addBatch(String sql) {
    Behaviour.result(sql);
  }

  public Object prepareStatement(String sql) {
    return Behaviour.result("prepared " + sql);
  }
}
