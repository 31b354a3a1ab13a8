package dev.cachedb.it.servers;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for every test of a class: started before the first, stopped after the last.
 *
 * <pre>
 * &#64;RegisterExtension static final WithRedis redis = WithRedis.plain();
 * ... redis.server().port() ...
 * </pre>
 */
public final class WithRedis implements BeforeAllCallback, AfterAllCallback {
  private final String requirepass;
  private RedisTestServer server;

  private WithRedis(String requirepass) {
    this.requirepass = requirepass;
  }

  /** A Redis without a password. */
  public static WithRedis plain() {
    return new WithRedis(null);
  }

  /** A Redis that requires {@code password}. */
  public static WithRedis secured(String password) {
    return new WithRedis(password);
  }

  public RedisTestServer server() {
    if (server == null) {
      throw new IllegalStateException("Redis is started before the class's first test");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = RedisTestServer.start(requirepass);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
