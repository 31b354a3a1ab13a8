package dev.cachedb.agent.instrumentation;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Instruments one library type (or one family of implementations, such as every
 * {@code java.sql.Statement}). Implementations name their advice classes as strings, so the agent
 * never loads advice into its own class loader: the weaver reads the advice bytes and inlines them.
 */
public interface TypeInstrumentation {

  /** The types to instrument. Match by name first: it is the cheapest test per loaded class. */
  ElementMatcher<TypeDescription> typeMatcher();

  /** Declares the advice for this type's methods. */
  void transform(AdviceTarget target);
}
