package dev.cachedb.agent.instrumentation.weave;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Weaves advice into one class file with ASM alone: the class's methods are matched with the
 * instrumentations' method matchers (on descriptions made from name, modifiers and descriptor),
 * and each matched method is rewritten by {@link AdvisedMethod}; every other method is copied as
 * it is. Nothing is added to the class, so a later retransformation is allowed.
 *
 * <p>Why not Byte Buddy's weaving: its first use loads several hundred of its classes and runs
 * them cold in the application's startup (docs/startup.md has the figures); this needs ASM's
 * reader and writer and a few classes of ours. It covers the advice this agent uses (see
 * {@link AdviceReader}); for anything else it throws {@link UnsupportedAdvice}, and the class is
 * left as it was. Byte Buddy's own weaving serves the tests as the oracle of what inlined advice
 * means.
 */
public final class ClassWeaver {
  private ClassWeaver() {}

  /**
   * Methods to advise: a method matcher, the advice for what it matches, and what the woven code
   * reports when that advice throws ({@code site}, see {@link SuppressedReport}).
   */
  public static final class Advised {
    final ElementMatcher<? super MethodDescription> methods;
    final AdviceClass advice;
    final String site;

    public Advised(
        ElementMatcher<? super MethodDescription> methods, AdviceClass advice, String site) {
      this.methods = methods;
      this.advice = advice;
      this.site = site;
    }
  }

  /**
   * The woven class file, or null if no method matched. {@code type} describes the class (its
   * header is enough: method matchers see it as the declaring type).
   */
  public static byte[] weave(ClassReader reader, TypeDescription type, List<Advised> advised) {
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    Weaving weaving = new Weaving(writer, type, advised);
    reader.accept(weaving, ClassReader.EXPAND_FRAMES);
    return weaving.rewritten == 0 ? null : writer.toByteArray();
  }

  /**
   * One pass: fields are visited before methods, so a field an advice reads is known by the time
   * its method is rewritten. Methods without advice are copied as they are.
   */
  private static final class Weaving extends ClassVisitor {
    private final TypeDescription type;
    private final List<Advised> advised;
    private final Map<String, String> fields = new HashMap<>();
    private String owner;
    private boolean frames;
    int rewritten;

    Weaving(ClassWriter writer, TypeDescription type, List<Advised> advised) {
      super(Opcodes.ASM9, writer);
      this.type = type;
      this.advised = advised;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      owner = name;
      frames = (version & 0xFFFF) >= Opcodes.V1_6;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      fields.put(name, descriptor);
      return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      Advised advised = adviceFor(access, name, descriptor);
      if (advised == null) {
        return mv;
      }
      rewritten++;
      Layout layout = new Layout(owner, access, name, descriptor, advised.advice, fields);
      return new AdvisedMethod(mv, advised.advice, advised.site, layout, frames);
    }

    /** The one advice whose matcher takes this method, or null. */
    private Advised adviceFor(int access, String name, String descriptor) {
      if (name.equals("<clinit>") || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        return null;
      }
      MethodDescription method = new LatentMethod(type, access, name, descriptor);
      Advised found = null;
      for (Advised a : advised) {
        if (a.methods.matches(method)) {
          if (found != null) {
            throw new UnsupportedAdvice("two advice classes on " + name + descriptor);
          }
          found = a;
        }
      }
      return found;
    }
  }
}
