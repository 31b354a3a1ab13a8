package dev.cachedb.agent.instrumentation.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a class file through a loader's resources, without loading the class. */
public final class ClassFiles {
  private ClassFiles() {}

  public static byte[] read(ClassLoader loader, String binaryName) throws IOException {
    String resource = binaryName.replace('.', '/') + ".class";
    InputStream in = loader == null
        ? ClassLoader.getSystemResourceAsStream(resource)
        : loader.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("class file not found: " + binaryName);
    }
    try {
      return readAll(in);
    } finally {
      in.close();
    }
  }

  /** Everything {@code in} holds (Java 8 has no {@code readAllBytes}). */
  public static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    byte[] buffer = new byte[4096];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
