package dev.cachedb.agent.exporter;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.exporter.http.HttpEndpoint;
import dev.cachedb.agent.loop.AgentLoop;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The /metrics endpoint. Plain HTTP is served by the agent's own small server on the agent's loop
 * thread ({@link HttpEndpoint}), the exposition itself by client_java's scrape handler: the
 * endpoint adds no thread. With TLS configured it is client_java's {@link HTTPServer}: the agent
 * implements no TLS. The JDK server brings three threads of its own (its dispatcher and two
 * timers), and the exchanges run on at most {@value TlsWorkers#THREADS} more, with a deadline
 * each ({@link TlsWorkers}), so a client that stalls its handshake holds neither the dispatcher
 * nor a worker for long.
 */
public final class MetricsEndpoint {
  private final int port;
  private final boolean tls;

  private MetricsEndpoint(int port, boolean tls) {
    this.port = port;
    this.tls = tls;
  }

  /**
   * Starts serving; call on the loop thread. Throws if the address cannot be bound (for instance,
   * the port is taken).
   */
  public static MetricsEndpoint start(AgentConfig config, PrometheusRegistry registry,
      AgentLoop loop) throws IOException {
    HttpsConfigurator https = EndpointSecurity.https(config);
    if (https == null) {
      HttpEndpoint endpoint =
          HttpEndpoint.start(loop, new InetSocketAddress(config.host(), config.port()), registry,
              EndpointSecurity.credentials(config));
      return new MetricsEndpoint(endpoint.port(), false);
    }
    HTTPServer.Builder builder =
        HTTPServer.builder()
            .hostname(config.host())
            .port(config.port())
            .registry(registry)
            .executorService(new TlsWorkers(loop))
            .httpsConfigurator(https);
    Authenticator auth = EndpointSecurity.authenticator(config);
    if (auth != null) {
      builder.authenticator(auth);
    }
    return new MetricsEndpoint(builder.buildAndStart().getPort(), true);
  }

  public int port() {
    return port;
  }

  /** {@code http} or {@code https}, for the startup line. */
  public String scheme() {
    return tls ? "https" : "http";
  }
}
