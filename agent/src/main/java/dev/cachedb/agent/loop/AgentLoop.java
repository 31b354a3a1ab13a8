package dev.cachedb.agent.loop;

import dev.cachedb.agent.log.AgentLog;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's one background thread ({@value #THREAD_NAME}): a {@code java.nio} selector loop that
 * serves the metrics endpoint's sockets and, between selects, runs the agent's scheduled tasks
 * (start-up of the endpoint, the Redis memory poll). The select timeout is the time until the
 * next task is due, so an idle agent sleeps in {@code select}.
 *
 * <p>Everything on this thread shares it: a task or a handler that blocks delays the others, so
 * each one is bounded (a scrape takes milliseconds; a Redis poll blocks at most its socket
 * timeout). A handler that throws closes its own channel only; the loop never dies of one.
 *
 * <p>The thread is started by the first {@link #schedule}, which the agent calls from its start-up
 * thread: a thread keeps its creator's access-control context and inheritable thread locals, and
 * created from an application's request it would keep that application's class loader alive
 * (ClassLoaderIsolationIT).
 */
public final class AgentLoop implements Runnable {
  public static final String THREAD_NAME = "cachedb-agent";
  /** What a task returns when it never wants to run again. */
  public static final long DONE = Long.MAX_VALUE;

  /** Work run on the loop thread. */
  public interface Task {
    /** Runs what is due at {@code nowMillis}; returns when it next wants to run, or {@link #DONE}. */
    long run(long nowMillis);
  }

  /** Reacts to a ready channel; an exception closes that channel only. */
  public interface Handler {
    void ready(SelectionKey key) throws IOException;
  }

  private static final LogLimit CLOSED = new LogLimit(AgentLog.Level.DEBUG);

  private final Queue<Task> requested = new ConcurrentLinkedQueue<>();
  private final List<Task> tasks = new ArrayList<>(); // loop thread only, with due times below
  private final List<Long> due = new ArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile Selector selector;
  private volatile boolean stopped;

  /**
   * Runs {@code task} on the loop thread as soon as possible, then whenever it asks to. Calling it
   * again for a task already scheduled runs that task again now (a poller told of a new server).
   */
  public void schedule(Task task) {
    requested.add(task);
    if (started.compareAndSet(false, true)) {
      Thread thread = new Thread(this, THREAD_NAME);
      thread.setDaemon(true);
      thread.setContextClassLoader(null);
      thread.start();
    } else {
      Selector s = selector;
      if (s != null) {
        s.wakeup(); // before the selector exists, the loop reads the queue before its first select
      }
    }
  }

  /** The loop's selector, to register channels with; call only from a task or handler. */
  public Selector selector() {
    return selector;
  }

  /** Stops the loop and closes its channels (tests; the agent's loop runs as long as the JVM). */
  public void stop() {
    stopped = true;
    Selector s = selector;
    if (s != null) {
      s.wakeup();
    }
  }

  @Override
  public void run() {
    try (Selector s = Selector.open()) {
      selector = s;
      while (!stopped) {
        long wait = runDueTasks() - System.currentTimeMillis();
        if (wait <= 0) {
          s.selectNow();
        } else {
          s.select(wait); // DONE gives a wait of centuries: sleep until a channel or a wakeup
        }
        dispatch(s.selectedKeys().iterator());
      }
      for (SelectionKey key : s.keys()) {
        close(key);
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.error("background thread stopped (" + AgentLog.describe(e) + ")");
    }
  }

  /** Runs every task that is due or was asked for; returns the earliest next due time. */
  private long runDueTasks() {
    for (Task t; (t = requested.poll()) != null; ) {
      int i = tasks.indexOf(t);
      if (i < 0) {
        tasks.add(t);
        due.add(0L);
      } else {
        due.set(i, 0L);
      }
    }
    long next = DONE;
    for (int i = tasks.size() - 1; i >= 0; i--) {
      long now = System.currentTimeMillis();
      long at = due.get(i);
      if (at <= now) {
        at = runSafely(tasks.get(i), now);
        if (at == DONE) {
          tasks.remove(i);
          due.remove(i);
          continue;
        }
        due.set(i, at);
      }
      next = Math.min(next, at);
    }
    return next;
  }

  private static long runSafely(Task task, long now) {
    try {
      return task.run(now);
    } catch (Throwable t) {
      AgentLog.error("background task failed (" + AgentLog.describe(t) + "); it is dropped");
      return DONE;
    }
  }

  private static void dispatch(Iterator<SelectionKey> ready) {
    while (ready.hasNext()) {
      SelectionKey key = ready.next();
      ready.remove();
      try {
        if (key.isValid()) {
          ((Handler) key.attachment()).ready(key);
        }
      } catch (Throwable t) {
        CLOSED.log("connection closed (" + AgentLog.describe(t) + ")");
        close(key);
      }
    }
  }

  /** Cancels the key and closes its channel, quietly: used on errors and at stop. */
  public static void close(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // closing a broken socket: nothing left to do
    }
  }
}
