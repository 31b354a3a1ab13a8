package dev.cachedb.agent.instrumentation.weave;

import java.util.List;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Copies one advice method's code into the woven method: reads of its parameters become reads of
 * what they are bound to, its own locals move above the extras, its frames get the woven
 * method's locals, and a {@code return} jumps to {@code end} (storing the enter advice's result
 * first). Its debug information is dropped.
 */
final class InlinedCode extends MethodVisitor {
  private final AdviceMethod advice;
  private final Layout layout;
  private final boolean exit;
  private final List<Object> baseEntries;
  private final boolean frames;
  private final Label end;

  private InlinedCode(MethodVisitor target, AdviceMethod advice, Layout layout, boolean exit,
      List<Object> baseEntries, boolean frames, Label end) {
    super(Opcodes.ASM9, target);
    this.advice = advice;
    this.layout = layout;
    this.exit = exit;
    this.baseEntries = baseEntries;
    this.frames = frames;
    this.end = end;
  }

  /** Writes {@code advice}'s code, from {@code adviceClass}'s class file, into {@code target}. */
  static void copy(MethodVisitor target, AdviceClass adviceClass, boolean exit, Layout layout,
      List<Object> baseEntries, boolean frames, Label end) {
    AdviceMethod advice = exit ? adviceClass.exit : adviceClass.enter;
    InlinedCode code = new InlinedCode(target, advice, layout, exit, baseEntries, frames, end);
    new ClassReader(adviceClass.bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(
          int access, String name, String descriptor, String signature, String[] exceptions) {
        return name.equals(advice.name) && descriptor.equals(advice.descriptor) ? code : null;
      }
    }, ClassReader.EXPAND_FRAMES | ClassReader.SKIP_DEBUG);
  }

  @Override
  public void visitFrame(int type, int count, Object[] locals, int stackCount, Object[] stack) {
    if (frames) {
      Object[] entries = Frames.append(baseEntries, count, locals, advice.parameterSize);
      super.visitFrame(Opcodes.F_NEW, entries.length, entries, stackCount, stack);
    }
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      if (opcode != Opcodes.RETURN && !exit) {
        super.visitVarInsn(advice.returnType().getOpcode(Opcodes.ISTORE), layout.enterSlot);
      }
      super.visitJumpInsn(Opcodes.GOTO, end);
    } else {
      super.visitInsn(opcode);
    }
  }

  @Override
  public void visitVarInsn(int opcode, int slot) {
    int parameter = advice.parameterAt(slot);
    if (parameter < 0) {
      super.visitVarInsn(opcode, slot - advice.parameterSize + scratch());
      return;
    }
    Binding b = advice.bindings[parameter];
    if (b.kind == Binding.Kind.FIELD) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitFieldInsn(Opcodes.GETFIELD, layout.owner, b.name, layout.fields.get(b.name));
    } else {
      super.visitVarInsn(opcode, slotOf(b));
    }
  }

  @Override
  public void visitIincInsn(int slot, int increment) {
    int parameter = advice.parameterAt(slot);
    int target = parameter < 0
        ? slot - advice.parameterSize + scratch()
        : slotOf(advice.bindings[parameter]);
    super.visitIincInsn(target, increment);
  }

  private int scratch() {
    return layout.parameterSize + layout.extraSize;
  }

  private int slotOf(Binding b) {
    switch (b.kind) {
      case THIS:
        return 0;
      case ARGUMENT:
        Integer backup = exit ? layout.backupSlots.get(b.index) : null;
        return backup != null ? backup : layout.argumentSlots[b.index];
      case RETURN:
        return layout.returnSlot;
      case THROWN:
        return layout.thrownSlot;
      case ENTER:
        return layout.enterSlot;
      case LOCAL:
        return layout.localSlots.get(b.name);
      default:
        throw new UnsupportedAdvice("binding " + b.kind);
    }
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    throw new UnsupportedAdvice("invokedynamic in advice");
  }

  // The advice method's own frame, debug data and annotations are not the woven method's.

  @Override
  public void visitCode() {}

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {}

  @Override
  public void visitEnd() {}

  @Override
  public void visitParameter(String name, int access) {}

  @Override
  public AnnotationVisitor visitAnnotationDefault() {
    return null;
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    return null;
  }

  @Override
  public void visitAnnotableParameterCount(int parameterCount, boolean visible) {}

  @Override
  public AnnotationVisitor visitParameterAnnotation(
      int parameter, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public AnnotationVisitor visitTypeAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public AnnotationVisitor visitInsnAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    return null;
  }

  @Override
  public void visitAttribute(Attribute attribute) {}

  @Override
  public void visitLineNumber(int line, Label start) {}

  @Override
  public void visitLocalVariable(
      String name, String descriptor, String signature, Label start, Label end, int index) {}

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    throw new UnsupportedAdvice("exception handler in advice");
  }

}
