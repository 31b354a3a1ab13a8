package dev.cachedb.agent.instrumentation.oracle;

/**
 * The advised methods of the pools (HikariCP's pool and metrics delegate, DBCP, DBCP2, c3p0,
 * Tomcat JDBC, Druid, Vibur, Agroal, UCP, the Redis clients' pools) and of their connection
 * wrappers, in one class: each module's advice finds its methods here.
 */
public class PoolSample {
  public final String name;

  public PoolSample() {
    this.name = "pool";
  }

  public Object getConnection() {
    return Behaviour.result("connection");
  }

  public Object getConnection(long maxWait) {
    return Behaviour.result("connection");
  }

  /** UCP's {@code getConnection(user, password, labels)}, where its other overloads end up. */
  public Object getConnection(String user, String password, java.util.Properties labels) {
    return Behaviour.result("connection");
  }

  public void createAndStartCreatorThread() {
    Behaviour.result(name);
  }

  public boolean putLast(Object holder, long lastActive) {
    Behaviour.result(holder);
    return true;
  }

  public void discardConnection(Object holder) {
    Behaviour.result(holder);
  }

  public void start() {
    Behaviour.result(name);
  }

  public void terminate() {
    Behaviour.result(name);
  }

  /** UCP's {@code PoolDataSourceImpl.startPool()}. */
  public void startPool() {
    Behaviour.result(name);
  }

  /** UCP's {@code UniversalConnectionPoolBase.stop()}. */
  public void stop() {
    Behaviour.result(name);
  }

  public void restore(Object holder, boolean valid, Object errors) {
    Behaviour.result(holder);
  }

  /** Vibur's static {@code Proxy.newProxyConnection(holder, operations, config)}. */
  public static Object newProxyConnection(Object holder, Object operations, Object config) {
    return Behaviour.result(holder);
  }

  public void init() {
    Behaviour.result(name);
  }

  public void returnConnectionHandler(Object handler) {
    Behaviour.result(handler);
  }

  public void createConnectionPool() {
    Behaviour.result(name);
  }

  public void close() {
    Behaviour.result(name);
  }

  public void close(boolean force) {
    Behaviour.result(name);
  }

  public void shutdown() {
    Behaviour.result(name);
  }

  public Object setupConnection(Object pooled) {
    return Behaviour.result(pooled);
  }

  public void returnConnection(Object pooled) {
    Behaviour.result(pooled);
  }

  public void recordBorrowStats(Object entry, long start) {
    Behaviour.result(entry);
  }

  public void recordConnectionUsage(Object entry) {
    Behaviour.result(entry);
  }

  public void recordBorrowTimeoutStats(long start) {
    Behaviour.result(start);
  }

  public void initPool(Object config, Object factory) {
    Behaviour.result(factory);
  }

  public Object getResource() {
    return Behaviour.result("connection");
  }

  public void returnResource(Object resource) {
    Behaviour.result(resource);
  }

  public void returnBrokenResource(Object resource) {
    Behaviour.result(resource);
  }

  public void returnResourceObject(Object resource) {
    Behaviour.result(resource);
  }

  public void returnBrokenResourceObject(Object resource) {
    Behaviour.result(resource);
  }

  public void destroy() {
    Behaviour.result(name);
  }

  public Object borrowObject() {
    return Behaviour.result("connection");
  }

  public void returnObject(Object connection) {
    Behaviour.result(connection);
  }
}
