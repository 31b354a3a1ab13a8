package dev.cachedb.agent.instrumentation.references;

import dev.cachedb.agent.instrumentation.weave.ClassFiles;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Derives a module's references from the bytecode of its advice classes and of the bootstrap
 * hooks they call (and those hooks' own callees): every library class, method and field named in
 * that code, plus the fields that {@code @Advice.FieldValue} reads from the instrumented types.
 * Nothing is declared by hand, so a call added to advice is checked without anyone remembering
 * to list it. JDK types and the agent's own are not library members and are left out.
 */
final class ReferenceCollector {
  private static final String AGENT = "dev/cachedb/agent/";
  private static final String HOOKS = "dev/cachedb/agent/bootstrap/";
  // The annotation as compiled, whether relocated into the agent jar or not (unit tests).
  private static final String FIELD_VALUE = "/asm/Advice$FieldValue;";
  private static final ClassLoader PLATFORM = platformLoader();

  private final ClassLoader agentLoader;
  private final Set<Reference> found = new LinkedHashSet<>();
  private final Set<String> visited = new HashSet<>();
  private final Deque<String> hooks = new ArrayDeque<>();

  ReferenceCollector(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  /**
   * Adds the references of one advice class applied to types named {@code targets} (internal
   * names; empty when the instrumentation matches by pattern, and its fields are then unchecked).
   */
  void advice(String adviceClass, Collection<String> targets) throws IOException {
    read(adviceClass.replace('.', '/'), targets);
    while (!hooks.isEmpty()) {
      read(hooks.pop(), null);
    }
  }

  Set<Reference> references() {
    return found;
  }

  private void read(String internalName, Collection<String> targets) throws IOException {
    if (!visited.add(internalName)) {
      return;
    }
    byte[] bytes = ClassFiles.read(agentLoader, internalName);
    new ClassReader(bytes).accept(new Collector(targets), ClassReader.SKIP_FRAMES);
  }

  private void type(Type t) {
    while (t.getSort() == Type.ARRAY) {
      t = t.getElementType();
    }
    if (t.getSort() == Type.OBJECT) {
      owner(t.getInternalName());
    }
  }

  /** Records {@code internalName} as a class reference if it is a library type. */
  private boolean owner(String internalName) {
    if (internalName.startsWith("[")) {
      type(Type.getType(internalName));
      return false;
    }
    if (internalName.startsWith(HOOKS)) {
      hooks.push(internalName);
      return false;
    }
    if (!isLibrary(internalName)) {
      return false;
    }
    found.add(Reference.toClass(internalName));
    return true;
  }

  static boolean isLibrary(String internalName) {
    return !internalName.startsWith(AGENT)
        && !internalName.startsWith("java/")
        && PLATFORM.getResource(internalName + ".class") == null;
  }

  private final class Collector extends ClassVisitor {
    private final Collection<String> targets;

    Collector(Collection<String> targets) {
      super(Opcodes.ASM9);
      this.targets = targets;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitParameterAnnotation(
            int parameter, String annotation, boolean visible) {
          if (targets == null || !annotation.endsWith(FIELD_VALUE)) {
            return null;
          }
          return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String key, Object value) {
              if (key.equals("value")) {
                for (String target : targets) {
                  found.add(Reference.toField(target, (String) value, null));
                }
              }
            }
          };
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String name, String descriptor, boolean onInterface) {
          if (owner(owner)) {
            found.add(Reference.toMethod(owner, name, descriptor, onInterface));
          }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
          if (owner(owner)) {
            found.add(Reference.toField(owner, name, descriptor));
          }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          owner(type);
        }

        @Override
        public void visitLdcInsn(Object value) {
          if (value instanceof Type) {
            type((Type) value);
          } else if (value instanceof Handle) {
            owner(((Handle) value).getOwner());
          }
        }
      };
    }
  }

  private static ClassLoader platformLoader() {
    // Java 8's extension loader and Java 9's platform loader both see every JDK class and no
    // application class.
    ClassLoader system = ClassLoader.getSystemClassLoader();
    return system.getParent() != null ? system.getParent() : system;
  }
}
