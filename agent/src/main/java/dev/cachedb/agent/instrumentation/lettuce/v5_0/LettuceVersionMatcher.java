package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.jar.Manifest;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Loaders holding Lettuce 5.0 to 7.x. The lower bound is a landmark class; the upper bound is the
 * jar's {@code Specification-Version} (written since 6.0; 5.x jars have none and are told apart by
 * the landmark alone), because no class can name a future major that has not been written. An
 * unknown major (8 or later) is left untouched. Answers are cached per loader: the matcher runs for
 * every class the loader defines, the resource look-up only once.
 */
final class LettuceVersionMatcher extends ElementMatcher.Junction.AbstractBase<ClassLoader> {
  // added in 5.0 (the io.lettuce package; 4.x lived in com.lambdaworks)
  private static final String LANDMARK_5_0 = "io/lettuce/core/protocol/DefaultEndpoint.class";
  // added in 6.0: a 6.x or newer jar must carry a known Specification-Version
  private static final String LANDMARK_6_0 = "io/lettuce/core/protocol/ProtocolVersion.class";
  private static final int NEWEST_KNOWN_MAJOR = 7;

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
    if (loader.getResource(LANDMARK_6_0) == null) {
      return true; // 5.x
    }
    int major = specificationMajor(landmark);
    return major >= 6 && major <= NEWEST_KNOWN_MAJOR;
  }

  /** The major of the Specification-Version in the manifest of the jar holding {@code classUrl}. */
  static int specificationMajor(URL classUrl) {
    String s = classUrl.toString();
    int bang = s.indexOf("!/");
    if (bang < 0) {
      return -1;
    }
    try {
      // No cache: closing a cached connection's stream could close the loader's own JarFile.
      URLConnection c = new URL(s.substring(0, bang + 2) + "META-INF/MANIFEST.MF").openConnection();
      c.setUseCaches(false);
      try (InputStream in = c.getInputStream()) {
      String v = new Manifest(in).getMainAttributes().getValue("Specification-Version");
        return v == null ? -1 : Integer.parseInt(v.trim().split("\\.")[0]);
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
