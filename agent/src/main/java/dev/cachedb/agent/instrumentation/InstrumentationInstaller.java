package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
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
 */
public final class InstrumentationInstaller {

  private InstrumentationInstaller() {}

  /** Installs the given modules, which the caller has already filtered to the enabled ones. */
  public static void install(
      Instrumentation inst, AgentConfig config, List<InstrumentationModule> modules,
      Runnable onTransformFailure) {
    AgentLog.Level failureLevel =
        config.getBoolean(ConfigKey.LOG_TRANSFORM_ERRORS) ? AgentLog.Level.WARN : AgentLog.Level.DEBUG;
    AgentBuilder builder =
        // Declared methods only: advice wraps methods a type declares, and resolving the full
        // method graph would need every super type's class file, which another agent's
        // injected interfaces (OpenTelemetry's) do not have.
        new AgentBuilder.Default(
                new ByteBuddy()
                    .with(TypeValidation.DISABLED)
                    .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
            .with(new TransformFailures(failureLevel, onTransformFailure))
            .ignore(ignoredTypes())
            .or(ElementMatchers.<TypeDescription>any(), isBootstrapClassLoader());

    ClassLoader agentLoader = InstrumentationInstaller.class.getClassLoader();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        AgentBuilder.Transformer.ForAdvice advice =
            new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
        AdviceCollector collector = new AdviceCollector(advice);
        type.transform(collector);
        builder = builder.type(type.typeMatcher(), module.classLoaderMatcher())
            .transform(collector.result());
      }
    }
    builder.installOn(inst);
  }

  /**
   * Types never worth a look: ours (including the shaded Byte Buddy and client_java), the JDK's,
   * and synthetic types (lambdas, proxies). The caller adds everything the bootstrap loader
   * defines: the JDBC and Redis implementations we instrument are never there.
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
        .or(nameContains("$Proxy"))
        .or(isSynthetic());
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
