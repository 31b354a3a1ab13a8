package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.util.PerThread;
import java.lang.ref.WeakReference;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Remembers, per thread, the class file the {@link TransformGate} is looking at (being defined or
 * retransformed), so that a type matcher asked with a Byte Buddy description of that class can
 * read its header (super class, interfaces) from the bytes instead of parsing the whole class.
 *
 * <p>The loader is held weakly: the entry outlives its class until the thread loads another, and
 * must not keep a web application's loader alive. The bytes (a few KB) may stay that long. It is
 * a {@link PerThread}, not a thread-local of its own: the application's request threads load
 * classes too, and would keep one more entry in their maps for it.
 */
final class ClassBytes {
  private static final PerThread<Entry[]> CURRENT =
      new PerThread<Entry[]>() {
        @Override
        protected Entry[] initialValue() {
          return new Entry[1];
        }
      };

  private ClassBytes() {}

  /** Remembers the class the gate looks at on this thread and returns it; null for none to match. */
  static Entry capture(ClassLoader loader, String internalName, byte[] bytes) {
    if (loader == null || internalName == null || bytes == null) {
      CURRENT.get()[0] = null; // the bootstrap loader's classes are never matched
      return null;
    }
    Entry e = new Entry(loader, internalName, bytes);
    CURRENT.get()[0] = e;
    return e;
  }

  /** The class being defined on this thread if its name is {@code binaryName}, else null. */
  static Entry current(String binaryName) {
    Entry e = CURRENT.get()[0];
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
