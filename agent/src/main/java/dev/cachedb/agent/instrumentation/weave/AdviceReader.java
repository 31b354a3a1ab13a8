package dev.cachedb.agent.instrumentation.weave;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reads an advice class's {@code @OnMethodEnter}/{@code @OnMethodExit} methods: their settings and
 * parameter bindings, and checks that their code has nothing the inliner does not copy (an
 * exception table of its own, subroutines, a write to a parameter other than an
 * {@code @Advice.Local}). Settings other than the ones our advice uses are refused, so that advice
 * is never woven with a meaning other than the one Byte Buddy would give it.
 */
final class AdviceReader extends ClassVisitor {
  private static final String ENTER = Type.getDescriptor(Advice.OnMethodEnter.class);
  private static final String EXIT = Type.getDescriptor(Advice.OnMethodExit.class);
  private static final String THROWABLE = "java/lang/Throwable";

  private AdviceMethod enter;
  private AdviceMethod exit;

  AdviceReader() {
    super(Opcodes.ASM9);
  }

  AdviceMethod enter() {
    return enter;
  }

  AdviceMethod exit() {
    return exit;
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    if ((access & Opcodes.ACC_STATIC) == 0) {
      return null;
    }
    return new MethodReader(name, descriptor);
  }

  private final class MethodReader extends MethodVisitor {
    private final String name;
    private final String descriptor;
    private final Binding[] bindings;
    private String kind; // ENTER, EXIT or null for a method that is no advice
    private boolean suppress;
    private boolean onThrowable;
    private boolean backupArguments = true;
    private AdviceMethod method;

    MethodReader(String name, String descriptor) {
      super(Opcodes.ASM9);
      this.name = name;
      this.descriptor = descriptor;
      this.bindings = new Binding[Type.getArgumentTypes(descriptor).length];
    }

    @Override
    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
      if (!annotation.equals(ENTER) && !annotation.equals(EXIT)) {
        return null;
      }
      kind = annotation;
      return new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(String key, Object value) {
          if (key.equals("suppress")) {
            suppress = throwable(value);
          } else if (key.equals("onThrowable")) {
            onThrowable = throwable(value);
          } else if (key.equals("backupArguments")) {
            backupArguments = (Boolean) value;
          } else if (!key.equals("prependLineNumber")) {
            throw new UnsupportedAdvice("@" + key + " on " + name);
          }
        }
      };
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(
        int parameter, String annotation, boolean visible) {
      String type = Type.getArgumentTypes(descriptor)[parameter].getDescriptor();
      return new ParameterAnnotation(parameter, annotation, type);
    }

    @Override
    public void visitCode() {
      if (kind == null) {
        return;
      }
      for (int i = 0; i < bindings.length; i++) {
        if (bindings[i] == null) {
          throw new UnsupportedAdvice("parameter " + i + " of " + name + " has no binding");
        }
      }
      method = new AdviceMethod(name, descriptor, bindings, suppress, onThrowable, backupArguments);
      if (kind.equals(ENTER)) {
        enter = method;
      } else {
        exit = method;
      }
    }

    @Override
    public void visitVarInsn(int opcode, int slot) {
      if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE || opcode == Opcodes.RET) {
        written(slot, opcode);
      }
    }

    @Override
    public void visitIincInsn(int slot, int increment) {
      written(slot, Opcodes.IINC);
    }

    private void written(int slot, int opcode) {
      if (method == null) {
        return;
      }
      int parameter = method.parameterAt(slot);
      if (opcode == Opcodes.RET
          || parameter >= 0 && method.bindings[parameter].kind != Binding.Kind.LOCAL) {
        throw new UnsupportedAdvice(name + " writes parameter " + parameter);
      }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      if (method != null && opcode == Opcodes.JSR) {
        throw new UnsupportedAdvice(name + " uses a subroutine");
      }
    }

    @Override
    public void visitInvokeDynamicInsn(
        String indyName, String indyDescriptor, Handle bootstrap, Object... arguments) {
      if (method != null) {
        throw new UnsupportedAdvice(name + " uses invokedynamic");
      }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      if (method != null) {
        throw new UnsupportedAdvice(name + " has an exception handler of its own");
      }
    }

    private boolean throwable(Object value) {
      String type = ((Type) value).getInternalName();
      if (type.equals(THROWABLE)) {
        return true;
      }
      if (type.endsWith("Advice$NoExceptionHandler")) {
        return false;
      }
      throw new UnsupportedAdvice(name + " handles " + type + " only");
    }

    private final class ParameterAnnotation extends AnnotationVisitor {
      private final int parameter;
      private final String annotation;
      private final String type;
      private int index = -1;
      private String value;

      ParameterAnnotation(int parameter, String annotation, String type) {
        super(Opcodes.ASM9);
        this.parameter = parameter;
        this.annotation = annotation;
        this.type = type;
      }

      @Override
      public void visit(String key, Object v) {
        if (key.equals("value") && v instanceof Integer) {
          index = (Integer) v;
        } else if (key.equals("value") && v instanceof String) {
          value = (String) v;
        } else if (!(key.equals("readOnly") && Boolean.TRUE.equals(v))
            && !(key.equals("optional") && Boolean.FALSE.equals(v))) {
          throw new UnsupportedAdvice(key + "=" + v + " on parameter " + parameter + " of " + name);
        }
      }

      @Override
      public void visitEnum(String key, String descriptor, String v) {
        throw new UnsupportedAdvice(key + "=" + v + " on parameter " + parameter + " of " + name);
      }

      @Override
      public void visitEnd() {
        Binding.Kind kind = kindOf(annotation);
        if (kind != null) {
          bindings[parameter] = new Binding(kind, index, value, type);
        }
      }
    }
  }

  private static Binding.Kind kindOf(String annotation) {
    if (annotation.equals(Type.getDescriptor(Advice.This.class))) {
      return Binding.Kind.THIS;
    } else if (annotation.equals(Type.getDescriptor(Advice.Argument.class))) {
      return Binding.Kind.ARGUMENT;
    } else if (annotation.equals(Type.getDescriptor(Advice.Return.class))) {
      return Binding.Kind.RETURN;
    } else if (annotation.equals(Type.getDescriptor(Advice.Thrown.class))) {
      return Binding.Kind.THROWN;
    } else if (annotation.equals(Type.getDescriptor(Advice.Enter.class))) {
      return Binding.Kind.ENTER;
    } else if (annotation.equals(Type.getDescriptor(Advice.Local.class))) {
      return Binding.Kind.LOCAL;
    } else if (annotation.equals(Type.getDescriptor(Advice.FieldValue.class))) {
      return Binding.Kind.FIELD;
    }
    throw new UnsupportedAdvice("parameter annotation " + annotation);
  }
}
