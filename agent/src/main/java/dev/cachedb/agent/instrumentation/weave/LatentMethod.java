package dev.cachedb.agent.instrumentation.weave;

import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.annotation.AnnotationValue;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.method.ParameterList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.jar.asm.Type;

/**
 * A method as the method matchers see it: name, modifiers, and parameter and return types by
 * name, from the class file's descriptor.
 *
 * <p>Why not Byte Buddy's {@code MethodDescription.Latent}: it hands each parameter and return
 * type through a substitution of its {@code TargetType}, whose first use initialises Byte Buddy's
 * type sorts and with them its reflective dispatchers (proxies made at run time), a cost on the
 * application's main thread (docs/startup.md) for matchers that only compare names.
 */
final class LatentMethod extends MethodDescription.InDefinedShape.AbstractBase {
  private final TypeDescription owner;
  private final String name;
  private final int modifiers;
  private final TypeDescription.Generic returnType;
  private final TypeDescription.Generic[] parameterTypes;

  LatentMethod(TypeDescription owner, int access, String name, String descriptor) {
    this.owner = owner;
    this.name = name;
    this.modifiers = access & 0xFFFF;
    this.returnType = typeOf(Type.getReturnType(descriptor));
    Type[] arguments = Type.getArgumentTypes(descriptor);
    parameterTypes = new TypeDescription.Generic[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      parameterTypes[i] = typeOf(arguments[i]);
    }
  }

  /** Every type latent, by its source name ({@code int}, {@code byte[][]}), as matchers see it. */
  private static TypeDescription.Generic typeOf(Type t) {
    return new TypeDescription.Latent(t.getClassName(), 0, null).asGenericType();
  }

  @Override
  public TypeDescription getDeclaringType() {
    return owner;
  }

  @Override
  public ParameterList<ParameterDescription.InDefinedShape> getParameters() {
    return new ParameterList.AbstractBase<ParameterDescription.InDefinedShape>() {
      @Override
      public ParameterDescription.InDefinedShape get(int index) {
        return new Parameter(index);
      }

      @Override
      public int size() {
        return parameterTypes.length;
      }
    };
  }

  @Override
  public TypeList.Generic getExceptionTypes() {
    return new TypeList.Generic.Empty();
  }

  @Override
  public TypeDescription.Generic getReturnType() {
    return returnType;
  }

  @Override
  public TypeList.Generic getTypeVariables() {
    return new TypeList.Generic.Empty();
  }

  @Override
  public AnnotationValue<?, ?> getDefaultValue() {
    return null;
  }

  @Override
  public AnnotationList getDeclaredAnnotations() {
    return new AnnotationList.Empty();
  }

  @Override
  public String getInternalName() {
    return name;
  }

  @Override
  public int getModifiers() {
    return modifiers;
  }

  private final class Parameter extends ParameterDescription.InDefinedShape.AbstractBase {
    private final int index;

    Parameter(int index) {
      this.index = index;
    }

    @Override
    public TypeDescription.Generic getType() {
      return parameterTypes[index];
    }

    @Override
    public MethodDescription.InDefinedShape getDeclaringMethod() {
      return LatentMethod.this;
    }

    @Override
    public int getIndex() {
      return index;
    }

    @Override
    public boolean isNamed() {
      return false;
    }

    @Override
    public boolean hasModifiers() {
      return false;
    }

    @Override
    public AnnotationList getDeclaredAnnotations() {
      return new AnnotationList.Empty();
    }
  }
}
