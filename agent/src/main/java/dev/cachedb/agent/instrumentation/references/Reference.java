package dev.cachedb.agent.instrumentation.references;

/**
 * One library member that advice names in its bytecode: a class (a cast or {@code instanceof}), a
 * method with its exact descriptor, or a field. If the library version in a class loader lacks
 * it, the woven code would throw {@code NoSuchMethodError} or the like on every call, which the
 * advice's suppression would hide: the module is refused in that loader instead.
 */
final class Reference {
  enum Kind {
    CLASS,
    METHOD,
    FIELD
  }

  final Kind kind;
  /** Internal name, {@code a/b/C}. */
  final String owner;
  final String name;
  final String descriptor;
  /** For a method: called as an interface method ({@code invokeinterface}, or a static one). */
  final boolean onInterface;

  private Reference(Kind kind, String owner, String name, String descriptor, boolean onInterface) {
    this.kind = kind;
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
    this.onInterface = onInterface;
  }

  static Reference toClass(String owner) {
    return new Reference(Kind.CLASS, owner, null, null, false);
  }

  static Reference toMethod(String owner, String name, String descriptor, boolean onInterface) {
    return new Reference(Kind.METHOD, owner, name, descriptor, onInterface);
  }

  static Reference toField(String owner, String name, String descriptor) {
    return new Reference(Kind.FIELD, owner, name, descriptor, false);
  }

  /** How a log line names it: {@code method io.lettuce.core.protocol.ProtocolKeyword.name()}. */
  @Override
  public String toString() {
    String type = owner.replace('/', '.');
    switch (kind) {
      case CLASS:
        return "class " + type;
      case FIELD:
        return "field " + type + "." + name;
      default:
        return "method " + type + "." + name + parameters(descriptor);
    }
  }

  private static String parameters(String descriptor) {
    StringBuilder out = new StringBuilder("(");
    net.bytebuddy.jar.asm.Type[] args = net.bytebuddy.jar.asm.Type.getArgumentTypes(descriptor);
    for (int i = 0; i < args.length; i++) {
      out.append(i == 0 ? "" : ", ").append(args[i].getClassName());
    }
    return out.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Reference)) {
      return false;
    }
    Reference r = (Reference) o;
    return kind == r.kind && owner.equals(r.owner) && eq(name, r.name)
        && eq(descriptor, r.descriptor) && onInterface == r.onInterface;
  }

  @Override
  public int hashCode() {
    return ((kind.hashCode() * 31 + owner.hashCode()) * 31 + (name == null ? 0 : name.hashCode()))
        * 31 + (descriptor == null ? 0 : descriptor.hashCode());
  }

  private static boolean eq(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
