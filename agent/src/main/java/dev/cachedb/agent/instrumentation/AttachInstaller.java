package dev.cachedb.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;

import dev.cachedb.agent.config.AgentConfig;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The instrumentation after an attach: Byte Buddy's agent builder, which also retransforms the
 * classes already loaded. A class of its own so that a {@code -javaagent:} start, which never
 * builds one, does not load and verify the agent builder's types.
 */
final class AttachInstaller {
  private AttachInstaller() {}

  /** After an attach: Byte Buddy's agent builder, which also retransforms the loaded classes. */
  static AgentBuilder builder(AgentConfig config, List<TransformGate.Candidate> candidates,
      Map<TypeInstrumentation, String> modules, Runnable onTransformFailure) {
    disableNexus();
    AgentBuilder builder =
        // The direct weaver's Byte Buddy configuration, so both paths weave alike.
        new AgentBuilder.Default(DirectWeaver.BYTE_BUDDY)
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
            .with(InstrumentationInstaller.failures(config, onTransformFailure))
            // The loader test first: it rejects every JDK class without looking at its name.
            .ignore(ElementMatchers.<TypeDescription>any(), isBootstrapClassLoader())
            .or(IgnoredTypes.INSTANCE);

    for (TransformGate.Candidate c : candidates) {
      builder = builder.type(c.types, c.loaders)
          .transform(CachedAdvice.of(c.instrumentation, modules.get(c.instrumentation)));
    }
    return builder;
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
}
