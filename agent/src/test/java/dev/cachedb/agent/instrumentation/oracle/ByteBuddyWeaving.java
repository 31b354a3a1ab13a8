package dev.cachedb.agent.instrumentation.oracle;

import dev.cachedb.agent.instrumentation.weave.SuppressedReport;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * The oracle: Byte Buddy's own inlined advice, set up as the agent's weaving was when Byte Buddy
 * did it (declared methods only, no member added, a suppressed throwable reported to
 * {@code AdviceErrors} with its site instead of dropped).
 */
public final class ByteBuddyWeaving {
  private final ClassFileLocator locator;
  private final TypePool pool;
  private AsmVisitorWrapper.ForDeclaredMethods advice =
      new AsmVisitorWrapper.ForDeclaredMethods();

  public ByteBuddyWeaving(ClassLoader loader) {
    this.locator = ClassFileLocator.ForClassLoader.of(loader);
    this.pool = TypePool.Default.of(locator);
  }

  public void add(ElementMatcher<? super MethodDescription> methods, String adviceClass, String site) {
    advice = advice.invokable(methods, Advice.to(pool.describe(adviceClass).resolve(), locator)
        .withExceptionHandler(new Reported(site)));
  }

  public byte[] weave(String className) {
    return new ByteBuddy()
        .with(TypeValidation.DISABLED)
        .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
        .with(Implementation.Context.Disabled.Factory.INSTANCE)
        .decorate(pool.describe(className).resolve(), locator)
        .visit(advice)
        .make()
        .getBytes();
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
