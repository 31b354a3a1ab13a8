package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.weave.ClassFiles;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of a class file the gate and the JDBC super-type test look at: access flags, name,
 * super class and interfaces, all in internal form ({@code a/b/C}), and on request whether the
 * class declares a method of a given name. Read with one walk over the constant pool that notes
 * where each entry starts; a name is decoded only when asked for. ASM's {@code ClassReader} does
 * more for every one of the application's classes (a table of all entries, buffers for any
 * string); the JIT then compiled a hundred of its methods during the application's start.
 *
 * <p>The walk is a method of its own, and the only loop run for every class: the JIT compiles
 * that small loop alone instead of the whole parse with its decoding inlined.
 */
final class ClassHeader {
  final int access;
  final String name;
  private final byte[] bytes;
  private final int[] offsets;
  /** Where the access flags start, just after the constant pool. */
  private final int header;
  private String superName;
  private String[] interfaces;

  private ClassHeader(byte[] bytes, int[] offsets, int header) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.header = header;
    this.access = u2(bytes, header);
    this.name = className(bytes, offsets, u2(bytes, header + 2));
  }

  /** The super class, null for {@code java/lang/Object} and module-info. */
  String superName() {
    if (superName == null) {
      int index = u2(bytes, header + 4);
      superName = index == 0 ? "" : className(bytes, offsets, index);
    }
    return superName.isEmpty() ? null : superName;
  }

  String[] interfaces() {
    if (interfaces == null) {
      String[] names = new String[u2(bytes, header + 6)];
      for (int i = 0; i < names.length; i++) {
        names[i] = className(bytes, offsets, u2(bytes, header + 8 + 2 * i));
      }
      interfaces = names;
    }
    return interfaces;
  }

  /**
   * Whether the class declares a method named one of {@code names} (ASCII names, as the JDBC
   * methods are). Compares the constant pool's bytes in place: asked of every class the
   * application loads, it builds no string.
   */
  boolean declaresMethod(String[] names) {
    byte[] b = bytes;
    try {
      int p = skipMembers(b, header + 8 + 2 * u2(b, header + 6));
      int count = u2(b, p);
      p += 2;
      for (int i = 0; i < count; i++) {
        int utf8 = offsets[u2(b, p + 2)];
        for (String n : names) {
          if (equalsAscii(b, utf8, n)) {
            return true;
          }
        }
        p = skipAttributes(b, p + 6);
      }
      return false;
    } catch (ArrayIndexOutOfBoundsException truncated) {
      throw new IllegalArgumentException("truncated class file");
    }
  }

  /** Past a fields or methods table starting at {@code p}. */
  private static int skipMembers(byte[] b, int p) {
    int count = u2(b, p);
    p += 2;
    for (int i = 0; i < count; i++) {
      p = skipAttributes(b, p + 6); // access, name, descriptor
    }
    return p;
  }

  /** Past an attributes table starting at {@code p}. */
  private static int skipAttributes(byte[] b, int p) {
    int count = u2(b, p);
    p += 2;
    for (int i = 0; i < count; i++) {
      p += 6 + u4(b, p + 2);
    }
    return p;
  }

  private static boolean equalsAscii(byte[] b, int utf8, String name) {
    int length = u2(b, utf8 + 1);
    if (length != name.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (b[utf8 + 3 + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Throws {@link IllegalArgumentException} for bytes that are no class file. */
  static ClassHeader parse(byte[] b) {
    try {
      if (u2(b, 0) != 0xCAFE || u2(b, 2) != 0xBABE) {
        throw new IllegalArgumentException("not a class file");
      }
      int[] offsets = new int[u2(b, 8)];
      int header = walkPool(b, offsets);
      if (header + 8 + 2 * u2(b, header + 6) > b.length) {
        throw new IllegalArgumentException("truncated class file");
      }
      return new ClassHeader(b, offsets, header);
    } catch (ArrayIndexOutOfBoundsException truncated) {
      throw new IllegalArgumentException("truncated class file");
    }
  }

  /** Notes where each constant-pool entry starts; returns where the pool ends. */
  private static int walkPool(byte[] b, int[] offsets) {
    int p = 10;
    for (int i = 1; i < offsets.length; i++) {
      offsets[i] = p;
      switch (b[p]) {
        case 1: // Utf8
          p += 3 + u2(b, p + 1);
          break;
        case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
          p += 3;
          break;
        case 15: // MethodHandle
          p += 4;
          break;
        case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
          p += 5;
          break;
        case 5: case 6: // Long, Double: two entries
          p += 9;
          i++;
          break;
        default:
          throw new IllegalArgumentException("constant pool tag " + b[p]);
      }
    }
    return p;
  }

  /** Reads a class file from {@code in} (a loader's resource) and parses its header. */
  static ClassHeader read(InputStream in) throws IOException {
    return parse(ClassFiles.readAll(in));
  }

  private static String className(byte[] b, int[] offsets, int classIndex) {
    int utf8 = offsets[u2(b, offsets[classIndex] + 1)];
    return utf8(b, utf8 + 3, u2(b, utf8 + 1));
  }

  /** Modified UTF-8, as class files store names. */
  private static String utf8(byte[] b, int start, int length) {
    char[] chars = new char[length];
    int n = 0;
    int end = start + length;
    for (int p = start; p < end; ) {
      int c = b[p++] & 0xFF;
      if (c < 0x80) {
        chars[n++] = (char) c;
      } else if (c < 0xE0) {
        chars[n++] = (char) (((c & 0x1F) << 6) | (b[p++] & 0x3F));
      } else {
        chars[n++] = (char) (((c & 0x0F) << 12) | ((b[p++] & 0x3F) << 6) | (b[p++] & 0x3F));
      }
    }
    return new String(chars, 0, n);
  }

  private static int u2(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static int u4(byte[] b, int p) {
    return (u2(b, p) << 16) | u2(b, p + 2);
  }
}
