package dev.cachedb.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves the advice of every matching type instrumentation into a class the {@link LeanWeaver}
 * declined (advice it does not inline), with Byte Buddy's weaving but without its
 * {@code AgentBuilder}: building that one
 * (on a modern JVM it generates and injects a class of its own at run time) was the most expensive
 * single step of the agent's start, and the gate already does what it adds (matching, ignoring).
 * Does what the agent builder did with the same settings: the class is described from its bytes
 * and its loader, matched with the full description, decorated (advice inlined, no member added,
 * so a later retransformation is allowed) and a failure leaves it unchanged and is reported.
 */
final class DirectWeaver implements ClassFileTransformer {
  private final TransformGate.Candidate[] candidates;
  private final CachedAdvice[] advice;
  private final TransformFailures failures;
  /**
   * Shared with {@link WarmUp}, so that it warms exactly this configuration, and with the agent
   * builder used after an attach.
   */
  static final ByteBuddy BYTE_BUDDY =
      new ByteBuddy()
          .with(TypeValidation.DISABLED)
          // Declared methods only: advice wraps methods a type declares, and resolving the full
          // method graph would need every super type's class file, which another agent's
          // injected interfaces (OpenTelemetry's) do not have.
          .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
          .with(Implementation.Context.Disabled.Factory.INSTANCE);

  /** {@code modules}: each candidate's type instrumentation to its module's name. */
  DirectWeaver(List<TransformGate.Candidate> candidates, Map<TypeInstrumentation, String> modules,
      TransformFailures failures) {
    this.candidates = candidates.toArray(new TransformGate.Candidate[0]);
    this.advice = new CachedAdvice[this.candidates.length];
    for (int i = 0; i < advice.length; i++) {
      TypeInstrumentation type = this.candidates[i].instrumentation;
      advice[i] = CachedAdvice.of(type, modules.get(type));
    }
    this.failures = failures;
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
      byte[] bytes) {
    String name = internalName.replace('/', '.');
    try {
      ClassFileLocator locator = new ClassFileLocator.Compound(
          ClassFileLocator.Simple.of(name, bytes), ClassFileLocator.ForClassLoader.of(loader));
      TypeDescription type = new TypePool.Default.WithLazyResolution(
              new TypePool.CacheProvider.Simple(), locator, TypePool.Default.ReaderMode.FAST)
          .describe(name).resolve();
      DynamicType.Builder<?> builder = null;
      for (int i = 0; i < candidates.length; i++) {
        if (candidates[i].loaders.matches(loader) && candidates[i].types.matches(type)) {
          if (builder == null) {
            builder = BYTE_BUDDY.decorate(type, locator);
          }
          builder = advice[i].transform(builder, type, loader, null, domain);
        }
      }
      return builder == null ? null : builder.make().getBytes();
    } catch (Throwable t) {
      failures.onError(name, loader, null, redefined != null, t);
      return null;
    }
  }
}
