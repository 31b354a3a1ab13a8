package dev.cachedb.agent.bridge;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.jar.JarFile;

/**
 * Puts the {@code dev.cachedb.agent.bootstrap} package on the bootstrap class path.
 *
 * <p>Why a bridge: advice is inlined into library classes and runs in the library's class loader.
 * If that loader does not delegate to the application loader (a web-app or OSGi loader), the
 * agent's classes are invisible to it, but bootstrap classes never are. So the few classes advice
 * calls live in that package, built into a small jar inside the agent jar (by the build), written
 * out as it is to a temporary file, and that jar is appended with {@link
 * Instrumentation#appendToBootstrapClassLoaderSearch}. Because class loading delegates
 * parent-first, the application loader then also resolves those names from the bootstrap copy:
 * there is one copy in the JVM. This must run before anything touches that package.
 */
public final class BootstrapJar {
  /** The jar the build makes of the bootstrap package (agent/pom.xml, "bootstrap-jar"). */
  static final String RESOURCE = "META-INF/cachedb-agent/bootstrap.jar";

  private BootstrapJar() {}

  public static void install(Instrumentation inst) throws IOException {
    File tmp = newTempFile();
    tmp.deleteOnExit();
    try (InputStream in = BootstrapJar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + RESOURCE + " in the agent jar");
      }
      try (OutputStream out = Files.newOutputStream(tmp.toPath())) {
        copy(in, out);
      }
    }
    inst.appendToBootstrapClassLoaderSearch(new JarFile(tmp));
  }

  /**
   * A new, empty file of our own in the temporary directory. Not {@code File.createTempFile}: its
   * random name comes from a {@code SecureRandom}, whose setup (security providers, seeding)
   * cost the application's start tens of milliseconds. {@code createNewFile} is atomic, so a
   * name taken by another process (or planted there) is never reused: the next one is tried.
   */
  static File newTempFile() throws IOException {
    File dir = new File(System.getProperty("java.io.tmpdir"));
    long stamp = System.nanoTime();
    for (int attempt = 0; attempt < 100; attempt++) {
      String name = "cachedb-agent-bootstrap-" + Long.toHexString(stamp + attempt) + ".jar";
      File f = new File(dir, name);
      if (f.createNewFile()) {
        return f;
      }
    }
    throw new IOException("cannot create a temporary file in " + dir);
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
    }
  }
}
