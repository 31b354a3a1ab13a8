package dev.cachedb.agent.exporter;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.cachedb.agent.config.AgentConfig;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * The /metrics endpoint: client_java's {@link HTTPServer} serving the agent's private registry.
 * Requests are handled on the server's own dispatcher thread (a daemon, so the endpoint never
 * keeps a JVM alive): no worker thread of ours. A scrape takes milliseconds and one Prometheus
 * scrapes at a time, so serving them one after another costs nothing and keeps the agent's
 * thread count low.
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
            .executorService(new SameThreadExecutor());
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
}
