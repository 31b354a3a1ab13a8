package dev.cachedb.agent.instrumentation;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * After an attach: the classes already loaded that the {@link TransformGate} would have let
 * through at their definition, retransformed through it, so they are woven by the same weaver
 * as the classes defined later. Runs once, in {@code agentmain}, before it returns.
 *
 * <p>Retransformed in small batches: the JVM applies a batch whole or not at all, so a class it
 * rejects (its verifier, a change another agent forbids) would otherwise take every class of the
 * batch with it. A rejected batch is retried one class at a time, and each class the JVM still
 * rejects is counted like any transform failure and left as it was; nothing is thrown to the
 * application.
 */
final class LoadedClasses {
  /** Small enough that retrying a rejected batch one by one stays cheap. */
  static final int BATCH = 16;

  private LoadedClasses() {}

  /** Returns how many classes were handed to the JVM for retransformation. */
  static int retransform(Instrumentation inst, TransformGate gate, TransformFailures failures) {
    List<Class<?>> selected = new ArrayList<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      try {
        if (inst.isModifiableClass(c) && gate.couldMatch(c)) {
          selected.add(c);
        }
      } catch (RuntimeException | LinkageError unreadable) {
        // a class whose loader fails when asked: never woven at definition either
      }
    }
    for (int from = 0; from < selected.size(); from += BATCH) {
      List<Class<?>> batch = selected.subList(from, Math.min(from + BATCH, selected.size()));
      try {
        inst.retransformClasses(batch.toArray(new Class<?>[0]));
      } catch (Throwable rejected) {
        for (Class<?> c : batch) {
          retransformOne(inst, c, failures);
        }
      }
    }
    return selected.size();
  }

  private static void retransformOne(Instrumentation inst, Class<?> c, TransformFailures failures) {
    try {
      inst.retransformClasses(c);
    } catch (Throwable rejected) {
      failures.failed(c.getName(), rejected);
    }
  }
}
