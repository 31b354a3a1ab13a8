package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.weave.ClassFiles;
import java.io.IOException;
import java.io.InputStream;

/**
 * The part of a class file the gate and the JDBC super-type test look at: access flags, name,
 * super class and interfaces, all in internal form ({@code a/b/C}). Read with a walk over the
 * constant pool that notes where each entry starts and decodes only the four or five names
 * asked for. ASM's {@code ClassReader} does more for every one of the application's classes
 * (a table of all entries, buffers for any string); the JIT then compiled a hundred of its
 * methods during the application's start.
 */
final class ClassHeader {
  final int access;
  final String name;
  final String superName;
  final String[] interfaces;

  private ClassHeader(int access, String name, String superName, String[] interfaces) {
    this.access = access;
    this.name = name;
    this.superName = superName;
    this.interfaces = interfaces;
  }

  /** Throws {@link IllegalArgumentException} for bytes that are no class file. */
  static ClassHeader parse(byte[] b) {
    try {
      if (u2(b, 0) != 0xCAFE || u2(b, 2) != 0xBABE) {
        throw new IllegalArgumentException("not a class file");
      }
      int count = u2(b, 8);
      int[] offsets = new int[count];
      int p = 10;
      for (int i = 1; i < count; i++) {
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
      int access = u2(b, p);
      String name = className(b, offsets, u2(b, p + 2));
      int superIndex = u2(b, p + 4);
      String superName = superIndex == 0 ? null : className(b, offsets, superIndex);
      String[] interfaces = new String[u2(b, p + 6)];
      for (int i = 0; i < interfaces.length; i++) {
        interfaces[i] = className(b, offsets, u2(b, p + 8 + 2 * i));
      }
      return new ClassHeader(access, name, superName, interfaces);
    } catch (ArrayIndexOutOfBoundsException truncated) {
      throw new IllegalArgumentException("truncated class file");
    }
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
}
