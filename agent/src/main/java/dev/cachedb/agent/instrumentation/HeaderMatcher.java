package dev.cachedb.agent.instrumentation;

/**
 * A type matcher that the gate and the weaver ask of the class file being defined, without a
 * Byte Buddy description of it (see {@link Implementing}).
 */
interface HeaderMatcher {
  /** Whether the class in {@code entry}, defined by {@code loader}, matches. */
  boolean matchesHeader(ClassLoader loader, ClassBytes.Entry entry);
}
