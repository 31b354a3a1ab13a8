package dev.cachedb.agent.instrumentation.weave;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Where the woven method keeps what its advice needs. The method's own parameters stay where they
 * are; right after them come the advice's slots ("extras": the enter advice's result, the
 * {@code @Advice.Local}s, the arguments backed up for the exit advice, the return value and the
 * exception), and the method's own locals move up by their size. The advice's own locals reuse
 * the space above the extras: they are dead before the method's body starts and after it ends.
 *
 * <p>Built per woven method; every binding is checked against the method here, and one that does
 * not fit throws {@link UnsupportedAdvice}.
 */
final class Layout {
  static final String THROWABLE = "java/lang/Throwable";
  private static final String OBJECT = "Ljava/lang/Object;";

  final String owner;
  final boolean isStatic;
  final boolean isConstructor;
  final Type[] arguments;
  final Type returnType;
  /** Slots of the method's parameters (this included); the extras start here. */
  final int parameterSize;
  final int[] argumentSlots;
  final int enterSlot;
  private final String enterDescriptor;
  final Map<String, Integer> localSlots = new LinkedHashMap<>();
  final Map<String, String> localTypes = new LinkedHashMap<>();
  final Map<Integer, Integer> backupSlots = new LinkedHashMap<>();
  final int returnSlot;
  final int thrownSlot;
  /** Slots of the extras; the method's own locals move up by this many. */
  final int extraSize;
  final Map<String, String> fields;

  Layout(String owner, int access, String name, String descriptor, AdviceClass advice,
      Map<String, String> fields) {
    this.owner = owner;
    this.fields = fields;
    isStatic = (access & Opcodes.ACC_STATIC) != 0;
    isConstructor = name.equals("<init>");
    arguments = Type.getArgumentTypes(descriptor);
    returnType = Type.getReturnType(descriptor);
    argumentSlots = new int[arguments.length];
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < arguments.length; i++) {
      argumentSlots[i] = slot;
      slot += arguments[i].getSize();
    }
    parameterSize = slot;
    AdviceMethod enter = advice.enter;
    AdviceMethod exit = advice.exit;
    if (isConstructor && (enter != null || exit != null && exit.onThrowable)) {
      throw new UnsupportedAdvice("constructor advice other than exit without onThrowable");
    }
    if (enter != null && enter.returnType().getSort() != Type.VOID) {
      enterSlot = slot;
      enterDescriptor = enter.returnType().getDescriptor();
      slot += enter.returnType().getSize();
    } else {
      enterSlot = -1;
      enterDescriptor = null;
    }
    slot = locals(enter, slot);
    slot = locals(exit, slot);
    if (exit != null) {
      if (exit.returnType().getSort() != Type.VOID) {
        throw new UnsupportedAdvice("exit advice with a result");
      }
      for (Binding b : exit.bindings) {
        if (b.kind == Binding.Kind.ARGUMENT && exit.backupArguments
            && !backupSlots.containsKey(b.index) && b.index < arguments.length) {
          backupSlots.put(b.index, slot);
          slot += arguments[b.index].getSize();
        }
      }
    }
    if (exit != null && returnType.getSort() != Type.VOID) {
      returnSlot = slot;
      slot += returnType.getSize();
    } else {
      returnSlot = -1;
    }
    if (exit != null && exit.onThrowable) {
      thrownSlot = slot;
      slot += 1;
    } else {
      thrownSlot = -1;
    }
    extraSize = slot - parameterSize;
    check(enter, false);
    check(exit, true);
  }

  private int locals(AdviceMethod method, int slot) {
    if (method == null) {
      return slot;
    }
    for (Binding b : method.bindings) {
      if (b.kind != Binding.Kind.LOCAL) {
        continue;
      }
      String known = localTypes.get(b.name);
      if (known == null) {
        localTypes.put(b.name, b.descriptor);
        localSlots.put(b.name, slot);
        slot += Type.getType(b.descriptor).getSize();
      } else if (!known.equals(b.descriptor)) {
        throw new UnsupportedAdvice("local " + b.name + " typed twice");
      }
    }
    return slot;
  }

  /** Every binding of {@code method} must fit this method, as Byte Buddy's static typing asks. */
  private void check(AdviceMethod method, boolean exit) {
    if (method == null) {
      return;
    }
    for (Binding b : method.bindings) {
      switch (b.kind) {
        case THIS:
          require(!isStatic, "@This in a static method");
          break;
        case ARGUMENT:
          require(b.index >= 0 && b.index < arguments.length, "no argument " + b.index);
          assignable(b.descriptor, arguments[b.index].getDescriptor());
          break;
        case RETURN:
          require(exit && returnType.getSort() != Type.VOID, "@Return without a result");
          assignable(b.descriptor, returnType.getDescriptor());
          break;
        case THROWN:
          require(exit && thrownSlot >= 0, "@Thrown without onThrowable");
          require(b.descriptor.equals("L" + THROWABLE + ";"), "@Thrown typed narrower");
          break;
        case ENTER:
          require(exit && enterSlot >= 0, "@Enter without an enter result");
          break;
        case FIELD:
          String field = fields.get(b.name);
          require(!isStatic && field != null, "no field " + b.name + " declared in " + owner);
          assignable(b.descriptor, field);
          break;
        case LOCAL:
        default:
          break;
      }
    }
  }

  /** The advice's parameter type must be the method's own or Object for a reference. */
  private static void assignable(String advice, String actual) {
    boolean reference = actual.startsWith("L") || actual.startsWith("[");
    require(advice.equals(actual) || advice.equals(OBJECT) && reference,
        actual + " bound to " + advice);
  }

  private static void require(boolean condition, String why) {
    if (!condition) {
      throw new UnsupportedAdvice(why);
    }
  }

  /** The method's parameters as frame entries (this initialized). */
  List<Object> parameterEntries() {
    List<Object> entries = new ArrayList<>();
    if (!isStatic) {
      entries.add(owner);
    }
    for (Type t : arguments) {
      entries.add(entry(t.getDescriptor()));
    }
    return entries;
  }

  /**
   * The extras as frame entries: all that the enter advice writes, and, once the body has left,
   * the return value and the exception (before that, unusable).
   */
  List<Object> extraEntries(boolean afterBody) {
    List<Object> entries = new ArrayList<>();
    if (enterSlot >= 0) {
      entries.add(entry(enterDescriptor));
    }
    for (String type : localTypes.values()) {
      entries.add(entry(type));
    }
    for (Integer argument : backupSlots.keySet()) {
      entries.add(entry(arguments[argument].getDescriptor()));
    }
    if (returnSlot >= 0) {
      if (afterBody) {
        entries.add(entry(returnType.getDescriptor()));
      } else {
        for (int i = 0; i < returnType.getSize(); i++) {
          entries.add(Opcodes.TOP);
        }
      }
    }
    if (thrownSlot >= 0) {
      entries.add(afterBody ? THROWABLE : Opcodes.TOP);
    }
    return entries;
  }

  /** A frame entry for a value of {@code descriptor}. */
  static Object entry(String descriptor) {
    switch (descriptor.charAt(0)) {
      case 'Z':
      case 'B':
      case 'C':
      case 'S':
      case 'I':
        return Opcodes.INTEGER;
      case 'J':
        return Opcodes.LONG;
      case 'F':
        return Opcodes.FLOAT;
      case 'D':
        return Opcodes.DOUBLE;
      case 'L':
        return descriptor.substring(1, descriptor.length() - 1);
      default:
        return descriptor;
    }
  }
}
