package dev.cachedb.it.apps;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads and links every class of the libraries the agent instruments, one class loader per library
 * folder (args: {@code folder=jar:jar:...}), so that each class the agent weaves is verified by
 * the JVM. Prints {@code linked <folder> <count>} per folder, {@code fails <class> <error>} for
 * each class that does not link (in both runs, the libraries' missing optional dependencies),
 * then {@code done}. With {@code --hold=<file>} first, it keeps every loader (and so every class)
 * and prints {@code ready} before {@code done}, then waits for that file to exist: an agent
 * attached meanwhile retransforms those classes, which the JVM verifies again.
 */
public final class LinkEveryClassApp {
  /** The packages the agent's modules instrument (drivers' statements and connections included). */
  private static final String[] PACKAGES = {
    "io/lettuce/", "redis/clients/", "com/zaxxer/", "org/apache/commons/dbcp", "com/mchange/",
    "org/apache/tomcat/jdbc/", "org/apache/tomcat/dbcp/", "org/h2/", "org/mariadb/", "com/mysql/",
    "org/postgresql/", "com/alibaba/druid/pool/", "org/vibur/dbcp/",
    "io/agroal/", "oracle/ucp/"
  };

  /** The loaders of a held run: their classes stay loaded until the end. */
  private static final List<URLClassLoader> HELD = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Path hold = null;
    if (args.length > 0 && args[0].startsWith("--hold=")) {
      hold = Paths.get(args[0].substring("--hold=".length()));
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    for (String arg : args) {
      String folder = arg.substring(0, arg.indexOf('='));
      String[] jars = arg.substring(folder.length() + 1).split(File.pathSeparator);
      List<URL> urls = new ArrayList<>();
      for (String jar : jars) {
        urls.add(new File(jar).toURI().toURL());
      }
      TreeSet<String> failures = new TreeSet<>();
      int linked = 0;
      // The system loader's parent: the platform loader on 9+, the extension loader on 8.
      URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
          ClassLoader.getSystemClassLoader().getParent());
      for (String jar : jars) {
        for (String name : classes(jar)) {
          try {
            Class.forName(name, false, loader).getDeclaredFields(); // links, so verifies
            linked++;
          } catch (Throwable t) {
            failures.add(name + " " + t.getClass().getName());
          }
        }
      }
      if (hold == null) {
        loader.close();
      } else {
        HELD.add(loader);
      }
      System.out.println("linked " + folder + " " + linked);
      for (String f : failures) {
        System.out.println("fails " + f);
      }
    }
    if (hold != null) {
      System.out.println("ready");
      while (!Files.exists(hold)) {
        Thread.sleep(50);
      }
    }
    System.out.println("done");
  }

  private static List<String> classes(String jar) throws Exception {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar)) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        String n = entries.nextElement().getName();
        if (n.endsWith(".class") && !n.contains("-") && instrumented(n)) {
          names.add(n.substring(0, n.length() - 6).replace('/', '.'));
        }
      }
    }
    return names;
  }

  private static boolean instrumented(String entry) {
    for (String p : PACKAGES) {
      if (entry.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
