package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.weave.AdviceClass;
import dev.cachedb.agent.instrumentation.weave.ClassWeaver;
import dev.cachedb.agent.instrumentation.weave.UnsupportedAdvice;
import dev.cachedb.agent.log.AgentLog;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The agent's one weaver, behind the {@link TransformGate}, for classes being defined (after a
 * {@code -javaagent:} start) and classes being retransformed (after an attach) alike: the advice
 * of every type instrumentation that takes the class is inlined with ASM ({@link ClassWeaver}).
 * Advice it does not inline ({@link UnsupportedAdvice}) is a failure like any other: the class is
 * left as it was and counted, and {@code AsmWeaverTest} keeps every advice class of the agent
 * inside what it inlines.
 */
final class AsmWeaver implements ClassFileTransformer {
  private static final ConcurrentHashMap<String, Object> ADVICE = new ConcurrentHashMap<>();

  private final List<TransformGate.Candidate> candidates;
  private final List<List<Method>> methods = new ArrayList<>();
  private final TransformFailures failures;

  /** One {@code applyAdvice} of a type instrumentation. */
  private static final class Method {
    final ElementMatcher<? super MethodDescription> matcher;
    final String adviceClass;
    final String site;

    Method(ElementMatcher<? super MethodDescription> matcher, String adviceClass, String site) {
      this.matcher = matcher;
      this.adviceClass = adviceClass;
      this.site = site;
    }
  }

  /** {@code modules}: each candidate's type instrumentation to its module's name. */
  AsmWeaver(List<TransformGate.Candidate> candidates, Map<TypeInstrumentation, String> modules,
      TransformFailures failures) {
    this.candidates = candidates;
    this.failures = failures;
    for (TransformGate.Candidate c : candidates) {
      List<Method> list = new ArrayList<>();
      String module = modules.get(c.instrumentation);
      c.instrumentation.transform((matcher, advice) ->
          list.add(new Method(matcher, advice, AdviceErrorRecorder.site(module, advice))));
      methods.add(list);
    }
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
      byte[] bytes) {
    try {
      byte[] woven = weave(loader, internalName, bytes);
      if (woven != null && AgentLog.isEnabled(AgentLog.Level.DEBUG)) {
        AgentLog.debug("woven " + internalName);
      }
      return woven;
    } catch (Throwable t) {
      failures.failed(internalName.replace('/', '.'), t);
      return null;
    }
  }

  private byte[] weave(ClassLoader loader, String internalName, byte[] bytes) throws IOException {
    ClassBytes.Entry entry = ClassBytes.current(internalName.replace('/', '.'));
    if (entry == null || entry.bytes != bytes) {
      entry = new ClassBytes.Entry(loader, internalName, bytes);
    }
    List<ClassWeaver.Advised> advised = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      TransformGate.Candidate c = candidates.get(i);
      boolean matches;
      try {
        matches = c.loaders.matches(loader) && c.takes(loader, entry);
      } catch (RuntimeException needsMore) {
        throw new UnsupportedAdvice("a type matcher that needs more than the class-file header");
      }
      if (matches) {
        for (Method m : methods.get(i)) {
          advised.add(new ClassWeaver.Advised(m.matcher, advice(m.adviceClass), m.site));
        }
      }
    }
    return advised.isEmpty() ? null : ClassWeaver.weave(entry.reader(), entry.header(), advised);
  }

  /** Each advice class read once per JVM; one the inliner declines is remembered as such. */
  static AdviceClass advice(String name) throws IOException {
    Object a = ADVICE.get(name);
    if (a == null) {
      try {
        a = AdviceClass.read(name, AsmWeaver.class.getClassLoader());
      } catch (UnsupportedAdvice declined) {
        a = declined;
      }
      ADVICE.put(name, a);
    }
    if (a instanceof UnsupportedAdvice) {
      throw (UnsupportedAdvice) a;
    }
    return (AdviceClass) a;
  }

  /** Reads every advice class of every candidate (see {@link WarmUp}). */
  void resolveAll() {
    for (List<Method> list : methods) {
      for (Method m : list) {
        try {
          advice(m.adviceClass);
        } catch (IOException | RuntimeException e) {
          // the first class that needs it reports the problem
        }
      }
    }
  }
}
