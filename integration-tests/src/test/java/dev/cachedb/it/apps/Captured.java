package dev.cachedb.it.apps;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exceptions a fault app caught, as the application saw them: each distinct chain (classes
 * and messages of the exception, its causes and suppressed ones, digits masked) is printed once as
 * {@code EXC <where> <chain>}, and every frame is checked: a frame or exception class of the
 * agent ({@code dev.cachedb.} outside this test code) is counted in {@code AGENT-FRAMES <n>}.
 */
final class Captured {
  private static final Set<String> CHAINS = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger AGENT_FRAMES = new AtomicInteger();

  private Captured() {}

  static void caught(String where, Throwable e) {
    StringBuilder chain = new StringBuilder();
    walk(e, chain, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (CHAINS.add(where + " " + chain)) {
      System.out.println("EXC " + where + " " + chain);
    }
  }

  /** {@code FRAMES <where> <class.method:line>...} of one exception, for comparing runs. */
  static void printFrames(String where, Throwable e) {
    StringBuilder sb = new StringBuilder("FRAMES ").append(where);
    for (StackTraceElement f : e.getStackTrace()) {
      // JDK proxy classes are numbered in creation order, which any earlier proxy shifts
      String cls = f.getClassName().replaceAll("(\\$Proxy|jdk\\.proxy)[0-9]+", "$1#");
      sb.append(' ').append(cls).append('.').append(f.getMethodName())
          .append(':').append(f.getLineNumber());
    }
    System.out.println(sb);
  }

  static void printSummary() {
    System.out.println("AGENT-FRAMES " + AGENT_FRAMES.get());
  }

  private static void walk(Throwable e, StringBuilder chain, Set<Throwable> seen) {
    if (e == null || !seen.add(e)) {
      return;
    }
    if (chain.length() > 0) {
      chain.append(" <- ");
    }
    chain.append(e.getClass().getName()).append(": ")
        .append(String.valueOf(e.getMessage()).replaceAll("[0-9]+", "#").replace('\n', ' '));
    if (isAgent(e.getClass().getName())) {
      AGENT_FRAMES.incrementAndGet();
    }
    for (StackTraceElement f : e.getStackTrace()) {
      if (isAgent(f.getClassName())) {
        AGENT_FRAMES.incrementAndGet();
      }
    }
    walk(e.getCause(), chain, seen);
    for (Throwable s : e.getSuppressed()) {
      walk(s, chain, seen);
    }
  }

  private static boolean isAgent(String className) {
    return className.startsWith("dev.cachedb.") && !className.startsWith("dev.cachedb.it.");
  }

  /** Per-key counters the app prints as {@code TALLY <key> <n>}. */
  static final class Tally {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void add(String key) {
      counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    int get(String key) {
      AtomicInteger n = counts.get(key);
      return n == null ? 0 : n.get();
    }

    void print() {
      new java.util.TreeMap<>(counts).forEach((k, v) -> System.out.println("TALLY " + k + " " + v));
    }
  }
}
