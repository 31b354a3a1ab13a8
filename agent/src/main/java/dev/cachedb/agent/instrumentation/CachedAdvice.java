package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.weave.SuppressedReport;
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
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.jar.asm.MethodVisitor;
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
 * <p>Same settings as {@code ForAdvice}'s defaults (the default assigner), except that a suppressed
 * throwable goes to the bootstrap hook with the advice's name, as the ASM weaver's does
 * ({@link SuppressedReport}), instead of being dropped. Advice is immutable once built, so one
 * instance serves every thread.
 */
final class CachedAdvice implements AgentBuilder.Transformer {
  private static final Map<String, Advice> RESOLVED = new ConcurrentHashMap<>();
  private static volatile TypePool pool;

  private final List<ElementMatcher<? super MethodDescription>> methods = new ArrayList<>();
  private final List<String> adviceClasses = new ArrayList<>();
  private final String moduleName;

  private CachedAdvice(String moduleName) {
    this.moduleName = moduleName;
  }

  /** The advice {@code type}, of module {@code module}, declares. */
  static CachedAdvice of(TypeInstrumentation type, String module) {
    CachedAdvice advice = new CachedAdvice(module);
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
      wrapper = wrapper.invokable(methods.get(i), advice(moduleName, adviceClasses.get(i)));
    }
    return builder.visit(wrapper);
  }

  /** Per module and advice class: an advice class two modules share reports each one's errors. */
  private static Advice advice(String module, String name) {
    String site = AdviceErrorRecorder.site(module, name);
    Advice a = RESOLVED.get(site);
    if (a == null) {
      // Two threads may both build it the first time: the same advice either way.
      TypePool p = pool();
      a = Advice.to(p.describe(name).resolve(), locator())
          .withExceptionHandler(new Reported(site));
      RESOLVED.put(site, a);
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

  /** The suppression handler: the throwable on the stack goes to the hook, nothing is left. */
  private static final class Reported extends StackManipulation.AbstractBase {
    private final String site;

    Reported(String site) {
      this.site = site;
    }

    @Override
    public Size apply(MethodVisitor mv, Implementation.Context context) {
      SuppressedReport.emit(mv, site);
      return new Size(-1, 1);
    }
  }
}
