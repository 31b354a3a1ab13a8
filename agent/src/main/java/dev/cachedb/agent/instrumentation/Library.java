package dev.cachedb.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Properties;

/**
 * The library a module instruments: its Maven coordinates, where to find its version, and the
 * newest major version the agent supports. A library in a class loader whose stated version is
 * newer is refused out loud rather than woven on trust: no class can name a future major, so the
 * version its jar states is the only upper bound there is.
 */
public final class Library {
  /** The JDBC API is part of the JDK: no jar, no version, nothing newer to refuse. */
  public static final Library JDK = new Library("jdk", null, null, null, Integer.MAX_VALUE);

  private static final String MANIFEST = "META-INF/MANIFEST.MF";

  final String name;
  private final String pom;
  private final String probe;
  final int newestMajor;

  /**
   * {@code probe}: a class file every version has ({@code a/b/C.class}), which locates the jar;
   * {@code newestMajor}: the newest major version this agent supports.
   */
  public Library(String name, String groupId, String artifactId, String probe, int newestMajor) {
    this.name = name;
    this.pom = groupId == null
        ? null : "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    this.probe = probe;
    this.newestMajor = newestMajor;
  }

  /**
   * The version the library's jar in {@code loader} states: its Maven {@code pom.properties}
   * (kept by shading and in Spring Boot's nested jars), else its manifest's
   * {@code Implementation-Version} or {@code Bundle-Version}; null when it states none or the
   * library is absent. Not {@code Specification-Version}: c3p0 0.9.5 states "1.0" there.
   */
  String version(ClassLoader loader) {
    if (pom == null || loader == null) {
      return null;
    }
    URL probed = loader.getResource(probe);
    if (probed == null) {
      return null;
    }
    String s = probed.toString();
    String root = s.substring(0, s.length() - probe.length());
    String v = value(read(root + pom), "version");
    if (v == null) {
      v = value(read(loader.getResource(pom)), "version");
    }
    if (v == null) {
      Properties manifest = read(root + MANIFEST);
      v = value(manifest, "Implementation-Version");
      if (v == null || major(v) < 0) {
        v = value(manifest, "Bundle-Version");
      }
    }
    return v == null || major(v) < 0 ? null : v;
  }

  /** Whether {@code version} (null: unknown) is newer than the newest supported major. */
  boolean tooNew(String version) {
    return version != null && major(version) > newestMajor;
  }

  /** The leading number of a version, -1 if it has none. */
  static int major(String version) {
    String v = version.trim();
    int end = 0;
    while (end < v.length() && end < 9 && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Integer.parseInt(v.substring(0, end));
  }

  private static String value(Properties p, String key) {
    String v = p == null ? null : p.getProperty(key);
    return v == null || v.trim().isEmpty() ? null : v.trim();
  }

  private static Properties read(String url) {
    try {
      return read(new URL(url));
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads properties (a manifest's "Key: value" lines parse the same way); null if unreadable. */
  private static Properties read(URL url) {
    if (url == null) {
      return null;
    }
    try {
      // No cache: closing a cached connection's stream could close the loader's own JarFile.
      URLConnection c = url.openConnection();
      c.setUseCaches(false);
      try (InputStream in = c.getInputStream()) {
        Properties p = new Properties();
        p.load(in);
        return p;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
