package dev.cachedb.agent.instrumentation;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * For the {@link TransformGate}: which candidates apply in a class loader (their module's
 * landmark test holds there), split into those matched by name alone ({@link ByName}) and those
 * that need the class-file header. Asked for every class the application loads, and nearly always
 * for the same loader as the class before: that answer is kept in a field (the loader held
 * weakly), the others in a weak map, so a web application's loader stays collectable.
 */
final class LoaderCandidates {
  private static final TransformGate.Candidate[] NONE = new TransformGate.Candidate[0];

  /** The candidates of one loader. */
  static final class Applicable {
    private final WeakReference<ClassLoader> loader;
    /** Every exact name of the by-name candidates, in one set: one lookup per class. */
    private final Set<String> names = new HashSet<>();
    private final ByName[] patterns;
    final TransformGate.Candidate[] byHeader;

    private Applicable(ClassLoader loader, List<TransformGate.Candidate> applicable) {
      this.loader = new WeakReference<>(loader);
      List<ByName> withPattern = new ArrayList<>();
      List<TransformGate.Candidate> others = new ArrayList<>();
      for (TransformGate.Candidate c : applicable) {
        if (c.types instanceof ByName) {
          ByName byName = (ByName) c.types;
          names.addAll(byName.internalNames());
          if (byName.hasPattern()) {
            withPattern.add(byName);
          }
        } else {
          others.add(c);
        }
      }
      this.patterns = withPattern.toArray(new ByName[0]);
      this.byHeader = others.isEmpty() ? NONE : others.toArray(NONE);
    }

    /** Whether a candidate matched by name takes this class ({@code a/b/C}). */
    boolean byName(String internalName) {
      if (names.contains(internalName)) {
        return true;
      }
      for (ByName p : patterns) {
        if (p.matchesInternalName(internalName)) {
          return true;
        }
      }
      return false;
    }

    boolean none() {
      return names.isEmpty() && patterns.length == 0 && byHeader.length == 0;
    }
  }

  private final TransformGate.Candidate[] candidates;
  private final Map<ClassLoader, Applicable> byLoader =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, Applicable>());
  private volatile Applicable last;

  LoaderCandidates(TransformGate.Candidate[] candidates) {
    this.candidates = candidates;
  }

  /** {@code loader}: not the bootstrap loader, whose classes the gate never matches. */
  Applicable of(ClassLoader loader) {
    Applicable a = last;
    if (a != null && a.loader.get() == loader) {
      return a;
    }
    a = byLoader.get(loader);
    if (a == null) {
      List<TransformGate.Candidate> list = new ArrayList<>();
      for (TransformGate.Candidate c : candidates) {
        if (c.loaders.matches(loader)) {
          list.add(c);
        }
      }
      a = new Applicable(loader, list);
      byLoader.put(loader, a);
    }
    last = a;
    return a;
  }
}
