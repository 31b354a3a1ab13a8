package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Loaders holding Lettuce 5.0 to 7.x. The lower bound is a landmark class. No class can name a
 * future major that has not been written, so the upper bound is the version Lettuce's jar states:
 * its Maven {@code pom.properties} (in every release, and kept by shading), else its manifest's
 * {@code Specification-Version} (since 6.0). A jar that states no version is accepted only when
 * it lacks the 6.0 landmark (then it is 5.x); an unknown or unstated newer major is left untouched.
 *
 * <p>Answers are cached per loader: the matcher runs for every class a loader defines, the
 * resource look-ups only once.
 */
final class LettuceVersionMatcher implements ElementMatcher<ClassLoader> {
  // added in 5.0 (the io.lettuce package; 4.x lived in com.lambdaworks)
  static final String LANDMARK_5_0 = "io/lettuce/core/protocol/DefaultEndpoint.class";
  // added in 6.0 (RESP3)
  static final String LANDMARK_6_0 = "io/lettuce/core/protocol/ProtocolVersion.class";
  static final int NEWEST_KNOWN_MAJOR = 7;
  private static final String POM = "META-INF/maven/io.lettuce/lettuce-core/pom.properties";
  private static final String MANIFEST = "META-INF/MANIFEST.MF";

  private final Map<ClassLoader, Boolean> cache = new WeakHashMap<ClassLoader, Boolean>();

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return false; // Lettuce is never on the bootstrap class path
    }
    synchronized (cache) {
      Boolean known = cache.get(loader);
      if (known == null) {
        known = supported(loader);
        cache.put(loader, known);
      }
      return known;
    }
  }

  static boolean supported(ClassLoader loader) {
    URL landmark = loader.getResource(LANDMARK_5_0);
    if (landmark == null) {
      return false;
    }
    String s = landmark.toString();
    String root = s.substring(0, s.length() - LANDMARK_5_0.length());
    int major = major(read(root + POM), "version");
    if (major < 0) {
      major = major(read(loader.getResource(POM)), "version");
    }
    if (major < 0) {
      major = major(read(root + MANIFEST), "Specification-Version");
    }
    if (major < 0) {
      return loader.getResource(LANDMARK_6_0) == null;
    }
    return major >= 5 && major <= NEWEST_KNOWN_MAJOR;
  }

  /** The leading number of {@code key}'s value, -1 if absent or malformed. */
  static int major(Properties p, String key) {
    String v = p == null ? null : p.getProperty(key);
    if (v == null) {
      return -1;
    }
    int dot = v.trim().indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? v.trim() : v.trim().substring(0, dot));
    } catch (NumberFormatException e) {
      return -1;
    }
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
