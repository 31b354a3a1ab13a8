package dev.cachedb.it.apps;

import java.io.File;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A servlet container in miniature. Each web application gets a class loader whose parent is the
 * platform class loader, so its Jedis, Lettuce, HikariCP and H2 come from its own jars and never
 * from the application class path (which holds none of them). Phases, each ended by a line on
 * stdout, the next started by the test creating {@code <signal dir>/go-<n>}:
 *
 * <ol>
 *   <li>webapp-a deployed, one request ("phase-1").
 *   <li>webapp-b deployed beside it; one request to each, at the same time ("phase-2").
 *   <li>webapp-a undeployed: stopped, its loader closed and dropped, then {@code System.gc()}
 *       until a weak reference to the loader clears ("COLLECTED webapp-a" or "ALIVE webapp-a"),
 *       then "phase-3" and linger.
 * </ol>
 *
 * Usage: {@code redisHost redisPort signalDir webAppClassPath} (entries joined by the path
 * separator).
 */
public final class ClassLoaderIsolationApp {
  private static final String WEB_APP = "dev.cachedb.it.apps.IsolatedWebApp";

  /** The deployed applications; undeploying removes the only strong references. */
  private static final List<Deployed> deployed = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    Path signals = Paths.get(args[2]);
    List<URL> urls = new ArrayList<>();
    for (String entry : args[3].split(File.pathSeparator)) {
      urls.add(Paths.get(entry).toUri().toURL());
    }
    try {
      Class.forName("redis.clients.jedis.Jedis");
      throw new IllegalStateException("Jedis is on the application class path");
    } catch (ClassNotFoundException expected) {
      System.out.println("application class path: no Jedis, Lettuce, HikariCP or H2");
    }

    deployed.add(deploy("webapp-a", urls, host, port));
    request(deployed.get(0));
    System.out.println("phase-1");
    Signal.awaitFile(signals.resolve("go-1"));

    deployed.add(deploy("webapp-b", urls, host, port));
    requestBoth();
    System.out.println("phase-2");
    Signal.awaitFile(signals.resolve("go-2"));

    WeakReference<ClassLoader> loaderA = undeploy(0);
    long deadline = System.currentTimeMillis() + 30_000;
    while (loaderA.get() != null && System.currentTimeMillis() < deadline) {
      System.gc();
      Thread.sleep(100);
    }
    System.out.println((loaderA.get() == null ? "COLLECTED" : "ALIVE") + " webapp-a");
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (loaderA.get() != null && t.getContextClassLoader() == loaderA.get()) {
        System.out.println("thread " + t.getName() + " still has webapp-a as context loader");
      }
    }
    System.out.println("phase-3");
    Thread.sleep(Long.MAX_VALUE);
  }

  private static Deployed deploy(String name, List<URL> urls, String host, int port)
      throws Exception {
    URLClassLoader loader = new WebAppLoader(name, urls.toArray(new URL[0]));
    Object app =
        inside(loader, () -> loader.loadClass(WEB_APP).getConstructor(String.class, String.class,
            int.class).newInstance(name, host, port));
    return new Deployed(loader, app);
  }

  /** Stops the application and drops it, in this frame, so no local of main holds its loader. */
  private static WeakReference<ClassLoader> undeploy(int index) throws Exception {
    Deployed d = deployed.remove(index);
    inside(d.loader, () -> d.app.getClass().getMethod("stop").invoke(d.app));
    d.loader.close();
    return new WeakReference<>(d.loader);
  }

  private static void request(Deployed d) throws Exception {
    Object loaders = inside(d.loader, () -> d.app.getClass().getMethod("handle").invoke(d.app));
    System.out.println("request handled, libraries loaded by " + loaders);
  }

  /** In its own frame: main's locals must not hold the request threads, nor through them A. */
  private static void requestBoth() throws InterruptedException {
    Thread[] both = {requestThread(deployed.get(0)), requestThread(deployed.get(1))};
    for (Thread t : both) {
      t.start();
    }
    for (Thread t : both) {
      t.join();
    }
  }

  private static Thread requestThread(Deployed d) {
    return new Thread(() -> {
      try {
        request(d);
      } catch (Exception e) {
        e.printStackTrace();
        System.exit(1);
      }
    });
  }

  /**
   * Runs container work for one application as a container's request thread does: on a thread of
   * its own (so no thread-local of a library outlives the request), with the application's loader
   * as context class loader.
   */
  private static Object inside(ClassLoader loader, Work work) throws Exception {
    Object[] result = new Object[1];
    Exception[] failure = new Exception[1];
    Thread t = new Thread(() -> {
      try {
        result[0] = work.run();
      } catch (Exception e) {
        failure[0] = e;
      }
    });
    t.setContextClassLoader(loader);
    t.start();
    t.join();
    if (failure[0] != null) {
      throw failure[0];
    }
    return result[0];
  }

  private interface Work {
    Object run() throws Exception;
  }

  /**
   * A web application's loader, named by its {@code toString()}: named loaders and the platform
   * loader are Java 9 API, and this app runs on JDK 8 too, where the system loader's parent (the
   * extension loader) plays the platform loader's part.
   */
  private static final class WebAppLoader extends URLClassLoader {
    private final String name;

    WebAppLoader(String name, URL[] urls) {
      super(urls, ClassLoader.getSystemClassLoader().getParent());
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final class Deployed {
    final URLClassLoader loader;
    final Object app;

    Deployed(URLClassLoader loader, Object app) {
      this.loader = loader;
      this.app = app;
    }
  }
}
