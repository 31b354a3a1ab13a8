package dev.cachedb.agent.instrumentation.weave;

import net.bytebuddy.jar.asm.Type;

/**
 * One {@code @Advice.OnMethodEnter} or {@code @Advice.OnMethodExit} method of an advice class, as
 * read from its class file: its parameters' bindings and the settings the inliner honours.
 */
final class AdviceMethod {
  final String name;
  final String descriptor;
  final Binding[] bindings;
  /** {@code suppress = Throwable.class}: an exception thrown by the advice is dropped. */
  final boolean suppress;
  /** {@code onThrowable = Throwable.class}: exit advice also runs when the method throws. */
  final boolean onThrowable;
  /** Exit advice reads the arguments as they were on entry (Byte Buddy's default). */
  final boolean backupArguments;
  /** The advice parameters' first slots, in the advice method's own frame. */
  final int[] slots;
  /** Slots taken by the advice's parameters; its own locals start here. */
  final int parameterSize;

  AdviceMethod(String name, String descriptor, Binding[] bindings, boolean suppress,
      boolean onThrowable, boolean backupArguments) {
    this.name = name;
    this.descriptor = descriptor;
    this.bindings = bindings;
    this.suppress = suppress;
    this.onThrowable = onThrowable;
    this.backupArguments = backupArguments;
    this.slots = new int[bindings.length];
    int slot = 0;
    for (int i = 0; i < bindings.length; i++) {
      slots[i] = slot;
      slot += Type.getType(bindings[i].descriptor).getSize();
    }
    this.parameterSize = slot;
  }

  Type returnType() {
    return Type.getReturnType(descriptor);
  }

  /** The parameter whose slots include {@code slot}, or -1 for one of the advice's own locals. */
  int parameterAt(int slot) {
    if (slot >= parameterSize) {
      return -1;
    }
    for (int i = slots.length - 1; i >= 0; i--) {
      if (slots[i] <= slot) {
        return i;
      }
    }
    return -1;
  }

}
