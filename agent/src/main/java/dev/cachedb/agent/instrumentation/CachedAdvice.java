package dev.cachedb.agent.instrumentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * One type's advice, each advice class read once for the whole JVM. Byte Buddy's
 * {@code Transformer.ForAdvice} reads and parses every advice class again for each class it
 * instruments (a jar look-up, a class-file parse and a read of the advice methods' code, per
 * advice and per instrumented class); with the 70-odd Lettuce output classes advised alike, that
 * was a good part of the time spent transforming. Advice classes are read from the agent's own
 * jar, never loaded: they are never defined in the agent's class loader.
 *
 * <p>Same settings as {@code ForAdvice}'s defaults: suppressed exceptions are dropped, the default
 * assigner. Advice is immutable once built, so one instance serves every thread.
 */
final class CachedAdvice implements AgentBuilder.Transformer {
  private static final Map<String, Advice> RESOLVED = new ConcurrentHashMap<>();
  private static volatile TypePool pool;

  private final List<ElementMatcher<? super MethodDescription>> methods = new ArrayList<>();
  private final List<String> adviceClasses = new ArrayList<>();

  /** The advice {@code type} declares. */
  static CachedAdvice of(TypeInstrumentation type) {
    CachedAdvice advice = new CachedAdvice();
    type.transform(advice::add);
    return advice;
  }

  private void add(
      ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
    methods.add(methodMatcher);
    adviceClasses.add(adviceClassName);
  }

  @Override
  public DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader, JavaModule module,
      java.security.ProtectionDomain domain) {
    AsmVisitorWrapper.ForDeclaredMethods wrapper = new AsmVisitorWrapper.ForDeclaredMethods();
    for (int i = 0; i < methods.size(); i++) {
      wrapper = wrapper.invokable(methods.get(i), advice(adviceClasses.get(i)));
    }
    return builder.visit(wrapper);
  }

  private static Advice advice(String name) {
    Advice a = RESOLVED.get(name);
    if (a == null) {
      // Two threads may both build it the first time: the same advice either way.
      TypePool p = pool();
      a = Advice.to(p.describe(name).resolve(), locator());
      RESOLVED.put(name, a);
    }
    return a;
  }

  private static TypePool pool() {
    TypePool p = pool;
    if (p == null) {
      p = TypePool.Default.of(locator());
      pool = p;
    }
    return p;
  }

  private static ClassFileLocator locator() {
    return ClassFileLocator.ForClassLoader.of(CachedAdvice.class.getClassLoader());
  }
}
