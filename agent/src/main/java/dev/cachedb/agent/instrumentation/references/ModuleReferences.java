package dev.cachedb.agent.instrumentation.references;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The library members one module's advice and hooks reference, and the check of a class loader
 * against them: the first one the loader's version lacks, or null when it has them all. The
 * references are collected once; a check reads only the loader's class files, once per loader
 * (the caller caches the answer).
 */
public final class ModuleReferences {
  private final List<Reference> references;

  private ModuleReferences(List<Reference> references) {
    this.references = references;
  }

  /** Collects the references of a module's advice; see {@link Builder}. */
  public static Builder builder(ClassLoader agentLoader) {
    return new Builder(agentLoader);
  }

  /** Adds each advice class with the exact types it is applied to. */
  public static final class Builder {
    private final ReferenceCollector collector;

    private Builder(ClassLoader agentLoader) {
      collector = new ReferenceCollector(agentLoader);
    }

    /** {@code targets}: binary or internal names; empty when the types are matched by pattern. */
    public Builder advice(String adviceClass, Collection<String> targets) throws IOException {
      List<String> internal = new ArrayList<>();
      for (String t : targets) {
        internal.add(t.replace('.', '/'));
      }
      collector.advice(adviceClass, internal);
      return this;
    }

    public ModuleReferences build() {
      return new ModuleReferences(new ArrayList<>(collector.references()));
    }
  }

  /** How many members are checked (for tests and the debug log). */
  public int size() {
    return references.size();
  }

  /** The references as log lines name them, in the order they were found. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Reference r : references) {
      out.add(r.toString());
    }
    return out;
  }

  /** The first member {@code loader}'s library version lacks, as a log line names it; or null. */
  public String firstMissing(ClassLoader loader) {
    LibraryClasses classes = new LibraryClasses(loader);
    for (Reference r : references) {
      String problem = check(classes, r);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String check(LibraryClasses classes, Reference r) {
    LibraryClasses.Members owner = classes.of(r.owner);
    if (owner == null) {
      return Reference.toClass(r.owner).toString();
    }
    switch (r.kind) {
      case CLASS:
        return null;
      case FIELD:
        for (LibraryClasses.Members m : classes.hierarchy(r.owner)) {
          if (m.fields.contains(r.descriptor == null ? r.name : r.name + ':' + r.descriptor)) {
            return null;
          }
        }
        return r.toString();
      default:
        if (owner.isInterface != r.onInterface) {
          // The JVM would throw IncompatibleClassChangeError at the call.
          return r + " (" + r.owner.replace('/', '.') + " is "
              + (owner.isInterface ? "now an interface" : "no longer an interface") + ")";
        }
        for (LibraryClasses.Members m : classes.hierarchy(r.owner)) {
          if (m.methods.contains(r.name + r.descriptor)) {
            return null;
          }
        }
        return r.toString();
    }
  }
}
