package dev.cachedb.agent.bridge;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the {@code dev.cachedb.agent.bootstrap} package on the bootstrap class path.
 *
 * <p>Why a bridge: advice is inlined into library classes and runs in the library's class loader.
 * If that loader does not delegate to the application loader (a web-app or OSGi loader), the
 * agent's classes are invisible to it, but bootstrap classes never are. So the few classes advice
 * calls live in that package, are copied from the agent jar into a small temporary jar, and that
 * jar is appended with {@link Instrumentation#appendToBootstrapClassLoaderSearch}. Because class
 * loading delegates parent-first, the application loader then also resolves those names from the
 * bootstrap copy: there is one copy in the JVM. This must run before anything touches that
 * package.
 */
public final class BootstrapJar {
  static final String PACKAGE_PATH = "dev/cachedb/agent/bootstrap/";

  private BootstrapJar() {}

  public static void install(Instrumentation inst, File agentJar) throws IOException {
    File tmp = newTempFile();
    tmp.deleteOnExit();
    int copied = copyBootstrapClasses(agentJar, tmp);
    if (copied == 0) {
      throw new IOException("no bootstrap classes found in " + agentJar);
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
      File f = new File(dir, "cachedb-agent-bootstrap-" + Long.toHexString(stamp + attempt) + ".jar");
      if (f.createNewFile()) {
        return f;
      }
    }
    throw new IOException("cannot create a temporary file in " + dir);
  }

  /** Copies every class under the bootstrap package from {@code source} to a new jar. */
  static int copyBootstrapClasses(File source, File target) throws IOException {
    int copied = 0;
    try (JarFile in = new JarFile(source);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(target.toPath()))) {
      Enumeration<JarEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (e.getName().startsWith(PACKAGE_PATH) && e.getName().endsWith(".class")) {
          out.putNextEntry(new JarEntry(e.getName()));
          try (InputStream is = in.getInputStream(e)) {
            copy(is, out);
          }
          out.closeEntry();
          copied++;
        }
      }
    }
    return copied;
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
    }
  }
}
