package dev.cachedb.agent.exporter.http;

import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.BiPredicate;

/**
 * The plain-HTTP metrics endpoint, served on the agent's loop thread: accepts connections, hands
 * them to {@link HttpConnection}, and, while any are open, every second closes those idle for
 * longer than the idle timeout (as the JDK server does after 30 s). No worker pool: a scrape is rendered on the loop
 * thread, one after the other, as the JDK server's dispatcher did before (one Prometheus scrapes
 * at a time and a scrape takes milliseconds); a slow reader never holds the thread, because all
 * socket I/O is non-blocking.
 */
public final class HttpEndpoint implements AgentLoop.Handler, AgentLoop.Task {
  static final long IDLE_MILLIS = 30_000;
  /** More than any set of scrapers; past it, new connections are closed at once. */
  static final int MAX_CONNECTIONS = 64;

  private final AgentLoop loop;
  private final Selector selector;
  private final ServerSocketChannel server;
  private final Routes routes;
  private final long idleMillis;
  private boolean sweeping; // the idle sweep is scheduled; only while connections are open

  private HttpEndpoint(AgentLoop loop, ServerSocketChannel server, Routes routes,
      long idleMillis) {
    this.loop = loop;
    this.selector = loop.selector();
    this.server = server;
    this.routes = routes;
    this.idleMillis = idleMillis;
  }

  /**
   * Binds and starts serving; call on the loop thread. Throws if the address cannot be bound.
   * {@code credentials} checks a Basic user and password; null means no authentication.
   */
  public static HttpEndpoint start(AgentLoop loop, InetSocketAddress address,
      PrometheusRegistry registry, BiPredicate<String, String> credentials) throws IOException {
    return start(loop, address, new Routes(new PrometheusScrapeHandler(registry), credentials),
        IDLE_MILLIS);
  }

  static HttpEndpoint start(AgentLoop loop, InetSocketAddress address, Routes routes,
      long idleMillis) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.bind(address);
      server.configureBlocking(false);
      HttpEndpoint endpoint = new HttpEndpoint(loop, server, routes, idleMillis);
      server.register(loop.selector(), SelectionKey.OP_ACCEPT, endpoint);
      return endpoint;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public int port() {
    return server.socket().getLocalPort();
  }

  @Override
  public void ready(SelectionKey key) throws IOException {
    for (SocketChannel c; (c = server.accept()) != null; ) {
      if (selector.keys().size() > MAX_CONNECTIONS) {
        AgentLog.debug("too many connections to the metrics endpoint; one is refused");
        c.close();
        continue;
      }
      c.configureBlocking(false);
      c.socket().setTcpNoDelay(true); // a response is one write; do not hold its tail back
      c.register(selector, SelectionKey.OP_READ,
          new HttpConnection(c, routes, System.currentTimeMillis()));
      if (!sweeping) {
        sweeping = true;
        loop.schedule(this);
      }
    }
  }

  /**
   * The idle sweep: closes connections where nothing moved for the idle timeout. It stops when no
   * connection is left, so an agent nobody scrapes does not wake up for it.
   */
  @Override
  public long run(long now) {
    long limit = now - idleMillis;
    boolean open = false;
    for (SelectionKey key : selector.keys()) {
      Object a = key.attachment();
      if (a instanceof HttpConnection && key.isValid()) {
        if (((HttpConnection) a).idleSince(limit)) {
          AgentLoop.close(key);
        } else {
          open = true;
        }
      }
    }
    if (!open || !server.isOpen()) {
      sweeping = false;
      return AgentLoop.DONE;
    }
    return now + Math.min(1000, Math.max(10, idleMillis / 2));
  }
}
