package dev.cachedb.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.ref.WeakReference;
import java.security.ProtectionDomain;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Remembers, per thread, the class file the JVM is about to define, so that a type matcher can
 * read that class's header (super class, interfaces) from the bytes instead of asking Byte Buddy
 * to parse the whole class. Registered just before Byte Buddy's transformer, which the JVM then
 * calls next on the same thread; it never changes a class.
 *
 * <p>The loader is held weakly: the entry outlives its class until the thread loads another, and
 * must not keep a web application's loader alive. The bytes (a few KB) may stay that long.
 */
final class ClassBytes implements ClassFileTransformer {
  static final ClassBytes CAPTURE = new ClassBytes();
  private static final ThreadLocal<Entry> CURRENT = new ThreadLocal<Entry>();

  private ClassBytes() {}

  @Override
  public byte[] transform(
      ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
      byte[] bytes) {
    capture(loader, internalName, bytes);
    return null;
  }

  /** Remembers the class being defined on this thread and returns it; null for none to match. */
  static Entry capture(ClassLoader loader, String internalName, byte[] bytes) {
    if (loader == null || internalName == null || bytes == null) {
      CURRENT.remove(); // the bootstrap loader's classes are never matched
      return null;
    }
    Entry e = new Entry(loader, internalName, bytes);
    CURRENT.set(e);
    return e;
  }

  /** The class being defined on this thread if its name is {@code binaryName}, else null. */
  static Entry current(String binaryName) {
    Entry e = CURRENT.get();
    return e != null && sameName(e.internalName, binaryName) && e.loader.get() != null ? e : null;
  }

  /** {@code a/b/C} against {@code a.b.C}, without building a string per class. */
  private static boolean sameName(String internalName, String binaryName) {
    int n = internalName.length();
    if (n != binaryName.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = internalName.charAt(i);
      char d = binaryName.charAt(i);
      if (c != d && !(c == '/' && d == '.')) {
        return false;
      }
    }
    return true;
  }

  static final class Entry {
    final WeakReference<ClassLoader> loader;
    final String internalName;
    final byte[] bytes;
    private ClassReader reader;
    private ClassHeader parsed;
    private TypeDescription header;

    Entry(ClassLoader loader, String internalName, byte[] bytes) {
      this.loader = new WeakReference<ClassLoader>(loader);
      this.internalName = internalName;
      this.bytes = bytes;
    }

    /** The class file's header, read once. Throws if unreadable. */
    ClassHeader parsed() {
      if (parsed == null) {
        parsed = ClassHeader.parse(bytes);
      }
      return parsed;
    }

    /** ASM's reader of the whole class file, for the weaver. Throws if unreadable. */
    ClassReader reader() {
      if (reader == null) {
        reader = new ClassReader(bytes);
      }
      return reader;
    }

    /** A description from the header only; see {@link TransformGate}. Throws if unreadable. */
    TypeDescription header() {
      if (header == null) {
        header = HeaderType.of(parsed());
      }
      return header;
    }
  }
}
