package dev.cachedb.agent.exporter.http;

import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import dev.cachedb.agent.loop.LogLimit;
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
 * them to {@link HttpConnection}, and, while any are open, every second closes those whose clock
 * ran out (a head not complete within {@link #HEAD_MILLIS} of its first byte; nothing moved for
 * the idle timeout). No worker pool: a scrape is rendered on the loop thread, one after the other
 * (one Prometheus scrapes at a time and a scrape takes milliseconds); a slow client never holds
 * the thread, because all socket I/O is non-blocking.
 *
 * <p>Other clients cannot lock a scraper out. Past {@link #MAX_CONNECTIONS}, a new connection
 * closes the one that has waited longest for a request instead of being refused: an attacker's
 * idle or crawling connections go first, and the scraper's fresh one stays. A failed accept (file
 * descriptors used up) pauses accepting for a short back-off and retries; the listener stays open
 * for the life of the JVM.
 */
public final class HttpEndpoint implements AgentLoop.Handler, AgentLoop.Task {
  static final long IDLE_MILLIS = 30_000;
  /** Time for a whole request head from its first byte; Prometheus sends its head in one write. */
  static final long HEAD_MILLIS = 5_000;
  /** More than any set of scrapers; past it, a new connection closes the longest-waiting one. */
  static final int MAX_CONNECTIONS = 64;
  private static final int ACCEPT_BATCH = 8;
  private static final LogLimit ACCEPT_FAILED = new LogLimit(AgentLog.Level.WARN);

  private final AgentLoop loop;
  private final Selector selector;
  private final ServerSocketChannel server;
  private final Routes routes;
  private final long idleMillis;
  private final long headMillis;
  private final AcceptBackoff backoff;
  private boolean sweeping; // the sweep is scheduled; only while connections are open

  private HttpEndpoint(AgentLoop loop, ServerSocketChannel server, Routes routes,
      long idleMillis, long headMillis) {
    this.loop = loop;
    this.selector = loop.selector();
    this.server = server;
    this.routes = routes;
    this.idleMillis = idleMillis;
    this.headMillis = headMillis;
    this.backoff = new AcceptBackoff(loop);
  }

  /**
   * Binds and starts serving; call on the loop thread. Throws if the address cannot be bound.
   * {@code credentials} checks a Basic user and password; null means no authentication.
   */
  public static HttpEndpoint start(AgentLoop loop, InetSocketAddress address,
      PrometheusRegistry registry, BiPredicate<String, String> credentials) throws IOException {
    return start(loop, address, new Routes(new PrometheusScrapeHandler(registry), credentials),
        IDLE_MILLIS, HEAD_MILLIS);
  }

  static HttpEndpoint start(AgentLoop loop, InetSocketAddress address, Routes routes,
      long idleMillis, long headMillis) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.bind(address);
      server.configureBlocking(false);
      HttpEndpoint endpoint = new HttpEndpoint(loop, server, routes, idleMillis, headMillis);
      endpoint.backoff.key = server.register(loop.selector(), SelectionKey.OP_ACCEPT, endpoint);
      return endpoint;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public int port() {
    return server.socket().getLocalPort();
  }

  /** Accepts what is pending. Never throws: the loop would close the listener for good. */
  @Override
  public void ready(SelectionKey key) {
    // A batch at a time: a flood of connections cannot evict a scraper's fresh connection before
    // the loop has read the head it sent along.
    for (int batch = 0; batch < ACCEPT_BATCH; batch++) {
      SocketChannel c;
      try {
        c = server.accept();
      } catch (IOException | RuntimeException e) {
        ACCEPT_FAILED.log("the metrics endpoint cannot accept a connection ("
            + AgentLog.describe(e) + "); retrying");
        backoff.pause();
        return;
      }
      if (c == null) {
        return;
      }
      backoff.reset();
      try {
        makeRoom();
        c.configureBlocking(false);
        c.socket().setTcpNoDelay(true); // a response is one write; do not hold its tail back
        c.register(selector, SelectionKey.OP_READ,
            new HttpConnection(c, routes, System.currentTimeMillis()));
      } catch (IOException | RuntimeException e) {
        close(c); // this connection only
        continue;
      }
      if (!sweeping) {
        sweeping = true;
        loop.schedule(this);
      }
    }
  }

  /** At the limit, closes the connection that has waited longest for a request. */
  private void makeRoom() {
    int open = 0;
    SelectionKey oldest = null;
    long oldestSince = Long.MAX_VALUE;
    for (SelectionKey key : selector.keys()) {
      Object a = key.attachment();
      if (a instanceof HttpConnection && key.isValid()) {
        open++;
        long since = ((HttpConnection) a).waitingSince();
        if (since < oldestSince) {
          oldestSince = since;
          oldest = key;
        }
      }
    }
    if (open >= MAX_CONNECTIONS && oldest != null) {
      AgentLoop.close(oldest);
    }
  }

  /**
   * The sweep: closes connections whose clock ran out. It stops when no connection is left, so an
   * agent nobody scrapes does not wake up for it.
   */
  @Override
  public long run(long now) {
    boolean open = false;
    for (SelectionKey key : selector.keys()) {
      Object a = key.attachment();
      if (a instanceof HttpConnection && key.isValid()) {
        if (((HttpConnection) a).expired(now, idleMillis, headMillis)) {
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
    return now + Math.min(1000, Math.max(10, Math.min(idleMillis, headMillis) / 2));
  }

  private static void close(SocketChannel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing more to free
    }
  }
}
