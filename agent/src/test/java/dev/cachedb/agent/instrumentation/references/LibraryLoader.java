package dev.cachedb.agent.instrumentation.references;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;

/** A loader whose "library" is class files made here: a version with chosen members only. */
final class LibraryLoader extends ClassLoader {
  private final Map<String, byte[]> files = new HashMap<>();
  private String[] interfaces;

  LibraryLoader() {
    super(null); // the JDK's classes, and nothing of the test's class path
  }

  /** The next class added implements (or, an interface, extends) these. */
  LibraryLoader implementing(String... internalNames) {
    interfaces = internalNames;
    return this;
  }

  /** Adds a class; {@code methods} as {@code name+descriptor}, {@code fields} as names (int). */
  LibraryLoader with(String internalName, boolean isInterface, String superName,
      String[] methods, String... fields) {
    ClassWriter w = new ClassWriter(0);
    int access =
        Opcodes.ACC_PUBLIC | (isInterface ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0);
    w.visit(Opcodes.V1_8, access, internalName, null,
        isInterface ? "java/lang/Object" : superName, interfaces);
    interfaces = null;
    for (String m : methods) {
      int paren = m.indexOf('(');
      w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, m.substring(0, paren),
          m.substring(paren), null, null).visitEnd();
    }
    for (String f : fields) {
      w.visitField(Opcodes.ACC_PUBLIC, f, f.equals("socket") ? "Ljava/net/Socket;" : "I", null,
          null).visitEnd();
    }
    w.visitEnd();
    files.put(internalName + ".class", w.toByteArray());
    return this;
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    byte[] b = files.get(name);
    return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
  }
}
