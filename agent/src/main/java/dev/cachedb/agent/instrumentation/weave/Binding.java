package dev.cachedb.agent.instrumentation.weave;

/**
 * What one advice parameter stands for, from its {@code @Advice.*} annotation. The inliner maps
 * each to a slot (or a field read) of the woven method; the advice may write only to
 * {@link Kind#LOCAL} parameters, as Byte Buddy's read-only defaults allow.
 */
final class Binding {
  enum Kind { THIS, ARGUMENT, RETURN, THROWN, ENTER, LOCAL, FIELD }

  final Kind kind;
  /** The argument's index for {@link Kind#ARGUMENT}. */
  final int index;
  /** The local's or the field's name for {@link Kind#LOCAL} and {@link Kind#FIELD}. */
  final String name;
  /** The advice parameter's own descriptor. */
  final String descriptor;

  Binding(Kind kind, int index, String name, String descriptor) {
    this.kind = kind;
    this.index = index;
    this.name = name;
    this.descriptor = descriptor;
  }
}
