package dev.cachedb.agent.instrumentation.weave;

import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Rewrites one method so that its advice runs around it, as Byte Buddy's inlined advice does:
 *
 * <pre>
 *   extras = defaults; backups = arguments
 *   try { enter advice } catch (Throwable s) { AdviceErrors.suppressed(site, s); }
 *   try { body, each return storing its value and jumping to exit }
 *   catch (Throwable t) { thrown = t }                              // onThrowable = Throwable
 *   exit: try { exit advice } catch (Throwable s) { AdviceErrors.suppressed(site, s); }
 *   if (thrown != null) throw thrown; return value
 * </pre>
 *
 * <p>A suppressed throwable goes to the bootstrap hook with the module and advice it came from
 * ({@link SuppressedReport}), to be counted and logged once per module; never to the caller.
 *
 * The body's locals move up past the extras ({@link Layout}); its frames get the extras inserted.
 * Our exception handlers are declared after the method's own, so they only catch what the body
 * lets escape. Frames are written for class files that have them (version 50 and later).
 */
final class AdvisedMethod extends MethodVisitor {
  private final AdviceClass advice;
  private final String site;
  private final Layout layout;
  private final boolean frames;
  private final Label bodyStart = new Label();
  private final Label bodyEnd = new Label();
  private final Label bodyHandler = new Label();
  private final Label exitLabel = new Label();
  private boolean started;

  AdvisedMethod(
      MethodVisitor target, AdviceClass advice, String site, Layout layout, boolean frames) {
    super(Opcodes.ASM9, target);
    this.advice = advice;
    this.site = site;
    this.layout = layout;
    this.frames = frames;
  }

  /** Runs before the body's first instruction, after its exception table. */
  private void start() {
    if (started) {
      return;
    }
    started = true;
    AdviceMethod enter = advice.enter;
    if (advice.exit != null && advice.exit.onThrowable) {
      super.visitTryCatchBlock(bodyStart, bodyEnd, bodyHandler, Layout.THROWABLE);
    }
    if (layout.enterSlot >= 0) {
      storeDefault(enter.returnType(), layout.enterSlot);
    }
    for (String name : layout.localSlots.keySet()) {
      storeDefault(Type.getType(layout.localTypes.get(name)), layout.localSlots.get(name));
    }
    for (Integer argument : layout.backupSlots.keySet()) {
      Type type = layout.arguments[argument];
      super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), layout.argumentSlots[argument]);
      super.visitVarInsn(type.getOpcode(Opcodes.ISTORE), layout.backupSlots.get(argument));
    }
    if (enter != null) {
      List<Object> entries = layout.parameterEntries();
      entries.addAll(layout.extraEntries(false));
      inline(false, enter.suppress, entries);
    }
    super.visitLabel(bodyStart);
  }

  /** The advice's code, guarded if it suppresses its exceptions, then a join point. */
  private void inline(boolean exit, boolean suppress, List<Object> entries) {
    Label start = new Label();
    Label codeEnd = new Label();
    Label handler = new Label();
    Label end = new Label();
    if (suppress) {
      super.visitTryCatchBlock(start, codeEnd, handler, Layout.THROWABLE);
    }
    super.visitLabel(start);
    InlinedCode.copy(mv, advice, exit, layout, entries, frames, end);
    super.visitLabel(codeEnd);
    if (suppress) {
      super.visitLabel(handler);
      frame(entries, Layout.THROWABLE);
      SuppressedReport.emit(mv, site);
    }
    super.visitLabel(end);
    frame(entries, null);
  }

  /** A full frame, then a NOP, so that no other frame can fall on the same instruction. */
  private void frame(List<Object> entries, String thrown) {
    if (frames) {
      Object[] locals = entries.toArray();
      Object[] stack = thrown == null ? new Object[0] : new Object[] {thrown};
      super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
    }
    super.visitInsn(Opcodes.NOP);
  }

  private void storeDefault(Type type, int slot) {
    switch (type.getSort()) {
      case Type.LONG:
        super.visitInsn(Opcodes.LCONST_0);
        break;
      case Type.FLOAT:
        super.visitInsn(Opcodes.FCONST_0);
        break;
      case Type.DOUBLE:
        super.visitInsn(Opcodes.DCONST_0);
        break;
      case Type.OBJECT:
      case Type.ARRAY:
        super.visitInsn(Opcodes.ACONST_NULL);
        break;
      default:
        super.visitInsn(Opcodes.ICONST_0);
    }
    super.visitVarInsn(type.getOpcode(Opcodes.ISTORE), slot);
  }

  private int shift(int slot) {
    return slot < layout.parameterSize ? slot : slot + layout.extraSize;
  }

  @Override
  public void visitFrame(int type, int count, Object[] locals, int stackCount, Object[] stack) {
    start();
    Object[] entries = Frames.insert(count, locals, layout.parameterSize,
        layout.extraEntries(false));
    super.visitFrame(Opcodes.F_NEW, entries.length, entries, stackCount, stack);
  }

  @Override
  public void visitInsn(int opcode) {
    start();
    if (advice.exit != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      if (opcode != Opcodes.RETURN) {
        super.visitVarInsn(layout.returnType.getOpcode(Opcodes.ISTORE), layout.returnSlot);
      }
      if (layout.thrownSlot >= 0) {
        super.visitInsn(Opcodes.ACONST_NULL);
        super.visitVarInsn(Opcodes.ASTORE, layout.thrownSlot);
      }
      super.visitJumpInsn(Opcodes.GOTO, exitLabel);
    } else {
      super.visitInsn(opcode);
    }
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    start();
    if (advice.exit != null) {
      exit();
    }
    super.visitMaxs(maxStack, maxLocals);
  }

  private void exit() {
    List<Object> entries = layout.parameterEntries();
    if (layout.thrownSlot >= 0) {
      super.visitLabel(bodyEnd);
      super.visitLabel(bodyHandler);
      List<Object> inBody = layout.parameterEntries();
      inBody.addAll(layout.extraEntries(false));
      frame(inBody, Layout.THROWABLE);
      super.visitVarInsn(Opcodes.ASTORE, layout.thrownSlot);
      if (layout.returnSlot >= 0) {
        storeDefault(layout.returnType, layout.returnSlot);
      }
    }
    entries.addAll(layout.extraEntries(true));
    super.visitLabel(exitLabel);
    frame(entries, null);
    inline(true, advice.exit.suppress, entries);
    if (layout.thrownSlot >= 0) {
      Label returns = new Label();
      super.visitVarInsn(Opcodes.ALOAD, layout.thrownSlot);
      super.visitJumpInsn(Opcodes.IFNULL, returns);
      super.visitVarInsn(Opcodes.ALOAD, layout.thrownSlot);
      super.visitInsn(Opcodes.ATHROW);
      super.visitLabel(returns);
      frame(entries, null);
    }
    if (layout.returnSlot >= 0) {
      super.visitVarInsn(layout.returnType.getOpcode(Opcodes.ILOAD), layout.returnSlot);
    }
    super.visitInsn(layout.returnType.getOpcode(Opcodes.IRETURN));
  }

  // The body's instructions: started first, locals moved up past the extras.

  @Override
  public void visitVarInsn(int opcode, int slot) {
    start();
    super.visitVarInsn(opcode, shift(slot));
  }

  @Override
  public void visitIincInsn(int slot, int increment) {
    start();
    super.visitIincInsn(shift(slot), increment);
  }

  @Override
  public void visitLocalVariable(
      String name, String descriptor, String signature, Label start, Label end, int index) {
    super.visitLocalVariable(name, descriptor, signature, start, end, shift(index));
  }

  @Override
  public net.bytebuddy.jar.asm.AnnotationVisitor visitLocalVariableAnnotation(int typeRef,
      TypePath typePath, Label[] start, Label[] end, int[] index, String descriptor,
      boolean visible) {
    int[] shifted = new int[index.length];
    for (int i = 0; i < index.length; i++) {
      shifted[i] = shift(index[i]);
    }
    return super.visitLocalVariableAnnotation(
        typeRef, typePath, start, end, shifted, descriptor, visible);
  }

  @Override
  public void visitLabel(Label label) {
    start();
    super.visitLabel(label);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    start();
    super.visitLineNumber(line, start);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    start();
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    start();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    start();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    start();
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor,
      net.bytebuddy.jar.asm.Handle bootstrap, Object... arguments) {
    start();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    start();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    start();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    start();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    start();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    start();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }
}
