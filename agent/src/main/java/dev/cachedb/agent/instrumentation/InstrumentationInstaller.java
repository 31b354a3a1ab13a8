package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Turns the enabled {@link InstrumentationModule}s into one Byte Buddy {@link AgentBuilder} and
 * installs it. Retransformation is on so that, when the agent is attached to a running JVM, the
 * library classes already loaded are instrumented too; advice is inlined and adds no members, so
 * retransformation is allowed to change those classes.
 *
 * <p>Startup cost is paid per class the JVM loads, so every test that runs for all of them is
 * by name or by loader (both free with Byte Buddy's lazy type descriptions); only the JDBC
 * super-type walk reads class files. At {@code -javaagent:} start no library class is loaded yet,
 * so the scan of loaded classes for retransformation is skipped (measured: several hundred ms of
 * CPU on the test-app, spent describing the JDK's classes).
 */
public final class InstrumentationInstaller {

  private InstrumentationInstaller() {}

  /**
   * Installs the given modules, which the caller has already filtered to the enabled ones.
   * {@code attached}: started by attach into a running JVM, whose loaded classes are then
   * retransformed; at {@code -javaagent:} start there are none of interest.
   */
  public static void install(
      Instrumentation inst, AgentConfig config, List<InstrumentationModule> modules,
      Runnable onTransformFailure, boolean attached) {
    AgentLog.Level failureLevel =
        config.getBoolean(ConfigKey.LOG_TRANSFORM_ERRORS) ? AgentLog.Level.WARN : AgentLog.Level.DEBUG;
    disableNexus();
    AgentBuilder builder =
        // Declared methods only: advice wraps methods a type declares, and resolving the full
        // method graph would need every super type's class file, which another agent's
        // injected interfaces (OpenTelemetry's) do not have.
        new AgentBuilder.Default(
                new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
            .disableClassFormatChanges()
            // Retransformation stays on at premain too: another agent (OpenTelemetry's) may
            // retransform a class later, and only a retransformation-capable transformer is
            // asked again then.
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(attached
                ? AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE
                : new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit())
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
            .with(new TransformFailures(failureLevel, onTransformFailure))
            // The loader test first: it rejects every JDK class without looking at its name.
            .ignore(ElementMatchers.<TypeDescription>any(), isBootstrapClassLoader())
            .or(ignoredTypes());

    ClassLoader agentLoader = InstrumentationInstaller.class.getClassLoader();
    for (InstrumentationModule module : modules) {
      ElementMatcher<ClassLoader> loaders = new CachedLoaderMatcher(module.classLoaderMatcher());
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        AgentBuilder.Transformer.ForAdvice advice =
            new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
        AdviceCollector collector = new AdviceCollector(advice);
        type.transform(collector);
        builder = builder.type(type.typeMatcher(), loaders)
            .transform(collector.result());
      }
    }
    // Before Byte Buddy's transformer: the JVM calls transformers in the order they were added.
    inst.addTransformer(ClassBytes.CAPTURE, true);
    builder.installOn(inst);
  }

  /**
   * Byte Buddy's "Nexus" hands initializers to instrumented classes; advice, being inlined, never
   * needs it. But {@code new AgentBuilder.Default(..)} prepares it before {@code .with(NoOp)} can
   * replace it, and preparing it reaches into {@code sun.misc.Unsafe}, for which JDK 24 and newer
   * print four lines of warnings on the application's stderr. Byte Buddy's own switch turns it
   * off. The shading relocates this string with the classes, so only our copy reads it.
   */
  private static void disableNexus() {
    String key = "net.bytebuddy.nexus.disabled";
    try {
      if (System.getProperty(key) == null) {
        System.setProperty(key, "true");
      }
    } catch (SecurityException ignored) {
      // a security manager says no: the JDK's warning is all that is lost
    }
  }

  /**
   * Types never worth a look, by name only: ours (including the shaded Byte Buddy and
   * client_java), the JDK's, other agents' and proxies. The caller adds everything the bootstrap
   * loader defines: the JDBC and Redis implementations we instrument are never there. No test
   * here may need the class file (such as {@code isSynthetic()}): that would parse every class
   * the application loads. Lambdas and hidden classes never reach a transformer anyway.
   */
  private static ElementMatcher<TypeDescription> ignoredTypes() {
    return ElementMatchers.<TypeDescription>nameStartsWith("dev.cachedb.agent.")
        .or(nameStartsWith("java."))
        .or(nameStartsWith("jdk."))
        .or(nameStartsWith("sun."))
        .or(nameStartsWith("com.sun."))
        // Another agent's own classes (OpenTelemetry's run in its own loader, often without
        // locatable class files, so matching them only fails) and its unshaded Byte Buddy. The
        // name is built at run time because the shade plugin would relocate the literal.
        .or(nameStartsWith("io.opentelemetry.javaagent."))
        .or(nameStartsWith(String.join(".", "net", "bytebuddy", "")))
        .or(nameStartsWith("co.elastic.apm.agent."))
        .or(nameStartsWith("datadog.trace."))
        .or(nameStartsWith("com.newrelic."))
        // JDK dynamic proxies have no class file to describe; the statement or connection
        // behind a proxy is instrumented itself.
        .or(nameContains("$Proxy"));
  }

  /** Accumulates one type's advice declarations into a single Byte Buddy transformer. */
  private static final class AdviceCollector implements AdviceTarget {
    private AgentBuilder.Transformer.ForAdvice advice;

    AdviceCollector(AgentBuilder.Transformer.ForAdvice advice) {
      this.advice = advice;
    }

    @Override
    public void applyAdvice(
        ElementMatcher<? super net.bytebuddy.description.method.MethodDescription> methods,
        String adviceClassName) {
      advice = advice.advice(methods, adviceClassName);
    }

    AgentBuilder.Transformer result() {
      return advice;
    }
  }
}
