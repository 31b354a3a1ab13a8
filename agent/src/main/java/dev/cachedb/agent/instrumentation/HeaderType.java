package dev.cachedb.agent.instrumentation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;

/**
 * A description of a class made from its header only: what the gate's and the weaver's type
 * matchers may look at (name, modifiers, the names of the super class and interfaces, none of
 * them resolvable further). The super class and interfaces are decoded when a matcher first asks:
 * the gate describes every class the application loads, and nearly all of them are rejected by
 * name or by their declared methods first.
 */
final class HeaderType extends TypeDescription.Latent {
  private final ClassHeader header;

  private HeaderType(ClassHeader header) {
    super(header.name.replace('/', '.'), header.access, null,
        Collections.<TypeDescription.Generic>emptyList());
    this.header = header;
  }

  static TypeDescription of(ClassHeader header) {
    return new HeaderType(header);
  }

  @Override
  public TypeDescription.Generic getSuperClass() {
    String superName = header.superName();
    return superName == null ? null : latent(superName);
  }

  @Override
  public TypeList.Generic getInterfaces() {
    String[] names = header.interfaces();
    List<TypeDescription.Generic> types = new ArrayList<>(names.length);
    for (String n : names) {
      types.add(latent(n));
    }
    return new TypeList.Generic.Explicit(types);
  }

  private static TypeDescription.Generic latent(String internalName) {
    return new TypeDescription.Latent(internalName.replace('/', '.'), 0, null).asGenericType();
  }
}
