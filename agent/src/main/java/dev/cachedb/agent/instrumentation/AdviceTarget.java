package dev.cachedb.agent.instrumentation;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Where a {@link TypeInstrumentation} attaches advice: methods and the advice class that wraps them. */
public interface AdviceTarget {

  /**
   * Wraps the methods {@code methods} matches with the advice class named {@code adviceClassName}
   * (a nested, field-less class with {@code @Advice.OnMethodEnter}/{@code @OnMethodExit}).
   */
  void applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClassName);
}
