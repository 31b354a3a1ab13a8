package dev.cachedb.agent.exporter;

import dev.cachedb.agent.loop.AgentLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that serve HTTPS exchanges for the JDK server, each with a deadline. The JDK server
 * accepts and waits for a connection's first bytes on its dispatcher without blocking, then hands
 * the connection to this executor, and the exchange (TLS handshake, request, response) runs on
 * blocking sockets: on the dispatcher itself, one client that stops in its handshake would stop
 * every scrape. Here it holds one of {@value #THREADS} workers for at most {@value
 * #DEADLINE_MILLIS} ms: the loop then interrupts the worker, which closes the socket the JDK
 * server blocks on (an interruptible channel) and frees it. A full queue refuses a connection; the
 * JDK server closes it.
 *
 * <p>Workers exist only while there is work (they end after a minute idle), and are created by the
 * dispatcher, itself started from the loop thread, so they hold no application class loader.
 */
final class TlsWorkers extends ThreadPoolExecutor implements AgentLoop.Task {
  static final int THREADS = 2;
  static final long DEADLINE_MILLIS = 5_000;
  private static final int QUEUE = 64;
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final AgentLoop loop;
  private final Map<Thread, long[]> running = new HashMap<>(); // guarded by this: start times

  TlsWorkers(AgentLoop loop) {
    super(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, AgentLoop.THREAD_NAME + "-tls-" + COUNT.incrementAndGet());
      t.setDaemon(true);
      t.setContextClassLoader(null);
      return t;
    });
    allowCoreThreadTimeOut(true);
    this.loop = loop;
  }

  @Override
  protected void beforeExecute(Thread t, Runnable r) {
    synchronized (this) {
      running.put(t, new long[] {System.currentTimeMillis()});
    }
    loop.schedule(this); // the watchdog runs while an exchange does
  }

  @Override
  protected void afterExecute(Runnable r, Throwable t) {
    synchronized (this) {
      running.remove(Thread.currentThread());
      Thread.interrupted(); // a late deadline must not close the next exchange's socket
    }
  }

  /** The watchdog, on the loop thread: interrupts exchanges past their deadline. */
  @Override
  public synchronized long run(long now) {
    long next = AgentLoop.DONE;
    for (Map.Entry<Thread, long[]> e : running.entrySet()) {
      long due = e.getValue()[0] + DEADLINE_MILLIS;
      if (due <= now) {
        e.getKey().interrupt();
        e.getValue()[0] = Long.MAX_VALUE - DEADLINE_MILLIS; // once
      } else {
        next = Math.min(next, due);
      }
    }
    return next;
  }
}
