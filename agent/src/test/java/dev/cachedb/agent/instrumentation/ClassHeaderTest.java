package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

class ClassHeaderTest {

  /**
   * The same access, name, super class and interfaces as ASM's reader, for every class of the JDK's
   * base module (every constant-pool tag occurs there: dynamic constants, method handles, module
   * and package entries of module-info).
   */
  @Test
  void readsWhatAsmReadsForEveryClassOfTheBaseModule() throws Exception {
    List<Path> classes = baseModuleClasses();
    assertThat(classes).hasSizeGreaterThan(3000);
    for (Path p : classes) {
      byte[] bytes = Files.readAllBytes(p);
      ClassHeader header = ClassHeader.parse(bytes);
      ClassReader asm = new ClassReader(bytes);
      assertThat(header.name).as(p.toString()).isEqualTo(asm.getClassName());
      assertThat(header.access).as(p.toString()).isEqualTo(asm.getAccess());
      assertThat(header.superName()).as(p.toString()).isEqualTo(asm.getSuperName());
      assertThat(header.interfaces()).as(p.toString()).isEqualTo(asm.getInterfaces());
    }
  }

  /**
   * "Declares a method named" agrees with ASM's list of methods for every class of the base module,
   * for names that are declared, names only called (in the constant pool, not declared) and names
   * no class has.
   */
  @Test
  void declaredMethodNamesAgreeWithAsmForEveryClassOfTheBaseModule() throws Exception {
    List<Path> classes = baseModuleClasses();
    String[] probes = {"execute", "run", "toString", "get", "<init>", "<clinit>", "close",
        "noSuchMethodAnywhere"};
    int declaredSeen = 0;
    for (Path p : classes) {
      byte[] bytes = Files.readAllBytes(p);
      Set<String> declared = new HashSet<>();
      new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
        @Override
        public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
          declared.add(name);
          return null;
        }
      }, ClassReader.SKIP_CODE);
      ClassHeader header = ClassHeader.parse(bytes);
      for (String n : probes) {
        assertThat(header.declaresMethod(new String[] {"noSuchMethodEither", n}))
            .as(p + " declares " + n).isEqualTo(declared.contains(n));
      }
      for (String n : declared) {
        assertThat(header.declaresMethod(new String[] {n})).as(p + " declares " + n).isTrue();
        declaredSeen++;
      }
    }
    assertThat(declaredSeen).isGreaterThan(30_000);
  }

  @Test
  void namesOutsideAsciiAreDecoded() {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "p/Z\u00e4hler\u20ac", null, "p/\u00c9l\u00e9ment",
        new String[] {"java/io/Serializable"});
    writer.visitEnd();
    ClassHeader header = ClassHeader.parse(writer.toByteArray());
    assertThat(header.name).isEqualTo("p/Z\u00e4hler\u20ac");
    assertThat(header.superName()).isEqualTo("p/\u00c9l\u00e9ment");
    assertThat(header.interfaces()).containsExactly("java/io/Serializable");
  }

  @Test
  void bytesThatAreNoClassFileAreRefused() {
    assertThatThrownBy(() -> ClassHeader.parse(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = Arrays.copyOf(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA,
        (byte) 0xBE, 0, 0, 0, 52, 0, 9, 1}, 11);
    assertThatThrownBy(() -> ClassHeader.parse(truncated))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Path> baseModuleClasses() throws IOException {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base"))) {
      return files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
  }
}
