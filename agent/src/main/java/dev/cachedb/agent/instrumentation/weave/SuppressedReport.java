package dev.cachedb.agent.instrumentation.weave;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The code of a suppression handler, in our weaver and in the Byte Buddy weaving the tests compare
 * it with (through {@code Advice.withExceptionHandler}): with the suppressed throwable on the stack,
 * it calls
 * {@code AdviceErrors.suppressed(site, thrown)} instead of dropping it. {@code site} names the
 * module and the advice class; it is a constant of the woven class, so the handler costs nothing
 * until the advice throws. The stack needs one more slot than the throwable, and is empty after.
 */
public final class SuppressedReport {
  private static final String HOOK = "dev/cachedb/agent/bootstrap/AdviceErrors";
  private static final String DESCRIPTOR = "(Ljava/lang/String;Ljava/lang/Throwable;)V";

  private SuppressedReport() {}

  /** Consumes the throwable on top of the stack. */
  public static void emit(MethodVisitor mv, String site) {
    mv.visitLdcInsn(site);
    mv.visitInsn(Opcodes.SWAP);
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "suppressed", DESCRIPTOR, false);
  }
}
