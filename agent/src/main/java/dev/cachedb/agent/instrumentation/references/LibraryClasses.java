package dev.cachedb.agent.instrumentation.references;

import dev.cachedb.agent.instrumentation.weave.ClassFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The members of the classes one loader can see, read from their class files through the
 * loader's resources: nothing is loaded or initialised. Lives for one check of one loader.
 */
final class LibraryClasses {

  /** What the check needs of one class file. */
  static final class Members {
    final boolean isInterface;
    final String superName;
    final String[] interfaces;
    final Set<String> methods = new HashSet<>();
    final Set<String> fields = new HashSet<>();

    Members(boolean isInterface, String superName, String[] interfaces) {
      this.isInterface = isInterface;
      this.superName = superName;
      this.interfaces = interfaces;
    }
  }

  private static final Members ABSENT = new Members(false, null, new String[0]);

  private final ClassLoader loader;
  private final Map<String, Members> read = new HashMap<>();

  LibraryClasses(ClassLoader loader) {
    this.loader = loader;
  }

  /** The class {@code internalName}, or null if the loader has no class file of that name. */
  Members of(String internalName) {
    Members m = read.get(internalName);
    if (m == null) {
      m = parse(internalName);
      read.put(internalName, m);
    }
    return m == ABSENT ? null : m;
  }

  /** {@code internalName} and every super type the loader can read, nearest first. */
  List<Members> hierarchy(String internalName) {
    List<Members> out = new ArrayList<>();
    List<String> queue = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    queue.add(internalName);
    for (int i = 0; i < queue.size(); i++) {
      String name = queue.get(i);
      Members m = seen.add(name) ? of(name) : null;
      if (m == null) {
        continue;
      }
      out.add(m);
      if (m.superName != null) {
        queue.add(m.superName);
      }
      for (String itf : m.interfaces) {
        queue.add(itf);
      }
      if (m.isInterface) {
        queue.add("java/lang/Object"); // an interface call may name any public Object method
      }
    }
    return out;
  }

  private Members parse(String internalName) {
    byte[] bytes;
    try {
      bytes = ClassFiles.read(loader, internalName);
    } catch (IOException | RuntimeException e) {
      return ABSENT;
    }
    final Members[] members = new Members[1];
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        members[0] = new Members((access & Opcodes.ACC_INTERFACE) != 0, superName,
            interfaces == null ? new String[0] : interfaces);
      }

      @Override
      public FieldVisitor visitField(
          int access, String name, String descriptor, String signature, Object value) {
        members[0].fields.add(name);
        members[0].fields.add(name + ':' + descriptor);
        return null;
      }

      @Override
      public MethodVisitor visitMethod(
          int access, String name, String descriptor, String signature, String[] exceptions) {
        members[0].methods.add(name + descriptor);
        return null;
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return members[0] == null ? ABSENT : members[0];
  }
}
