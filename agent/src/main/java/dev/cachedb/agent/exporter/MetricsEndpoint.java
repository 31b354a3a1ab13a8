package dev.cachedb.agent.exporter;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.cachedb.agent.config.AgentConfig;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The /metrics endpoint: client_java's {@link HTTPServer} serving the agent's private registry.
 * One daemon worker thread is enough for a scraper or two and keeps the agent's thread count low;
 * the server's own dispatcher thread is a daemon too, so the endpoint never keeps a JVM alive.
 */
public final class MetricsEndpoint {
  private final HTTPServer server;
  private final boolean tls;

  private MetricsEndpoint(HTTPServer server, boolean tls) {
    this.server = server;
    this.tls = tls;
  }

  /** Starts serving; throws if the address cannot be bound (for instance, the port is taken). */
  public static MetricsEndpoint start(AgentConfig config, PrometheusRegistry registry)
      throws IOException {
    HTTPServer.Builder builder =
        HTTPServer.builder()
            .hostname(config.host())
            .port(config.port())
            .registry(registry)
            .executorService(daemonExecutor());
    Authenticator auth = EndpointSecurity.authenticator(config);
    if (auth != null) {
      builder.authenticator(auth);
    }
    HttpsConfigurator https = EndpointSecurity.https(config);
    if (https != null) {
      builder.httpsConfigurator(https);
    }
    return new MetricsEndpoint(builder.buildAndStart(), https != null);
  }

  public int port() {
    return server.getPort();
  }

  /** {@code http} or {@code https}, for the startup line. */
  public String scheme() {
    return tls ? "https" : "http";
  }

  private static ExecutorService daemonExecutor() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<Runnable>(),
            r -> {
              Thread t = new Thread(r, "cachedb-agent-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
