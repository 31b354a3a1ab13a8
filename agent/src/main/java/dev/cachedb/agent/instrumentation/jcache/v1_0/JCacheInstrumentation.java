package dev.cachedb.agent.instrumentation.jcache.v1_0;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.appcache.AppCacheAdvice;
import dev.cachedb.agent.instrumentation.Implementing;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every implementation of {@code javax.cache.Cache}. Counted as the JCache statistics MXBean
 * counts: a get per key (JCache stores no nulls, so null is a miss), a put per entry stored, a
 * removal per entry removed; {@code putIfAbsent} is a get too (a hit when it found a value and
 * stored nothing), and so are {@code getAndPut} and {@code getAndRemove}. Unlike the
 * MXBean, {@code clear} and {@code removeAll()} count one removal per call, since they do not
 * say how many entries went; {@code containsKey}, {@code replace} and {@code invoke} are not
 * counted (the MXBean does not count the first either).
 */
final class JCacheInstrumentation implements TypeInstrumentation {
  private static final String[] ADVISED = {
    "get", "getAll", "put", "putAll", "putIfAbsent", "getAndPut", "remove", "getAndRemove",
    "removeAll", "clear"
  };
  private static final String[] EXCLUDED = {"java.", "jdk.", "sun.", "com.sun."};

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return Implementing.type("javax.cache.Cache", ADVISED, EXCLUDED);
  }

  @Override
  public void transform(AdviceTarget target) {
    String self = JCacheInstrumentation.class.getName();
    target.applyAdvice(code("get", 1), AppCacheAdvice.GET);
    target.applyAdvice(
        code("getAll", 1).and(takesArgument(0, named(Set.class.getName())))
            .and(returns(named(Map.class.getName()))),
        self + "$GetAllAdvice");
    target.applyAdvice(code("put", 2), AppCacheAdvice.PUT);
    target.applyAdvice(
        code("putAll", 1).and(takesArgument(0, named(Map.class.getName()))),
        self + "$PutAllAdvice");
    target.applyAdvice(
        code("putIfAbsent", 2).and(returns(boolean.class)), self + "$PutIfAbsentAdvice");
    target.applyAdvice(code("getAndPut", 2), self + "$GetAndPutAdvice");
    target.applyAdvice(
        code("remove", 1).or(code("remove", 2)).and(returns(boolean.class)),
        self + "$RemoveAdvice");
    target.applyAdvice(code("getAndRemove", 1), self + "$GetAndRemoveAdvice");
    target.applyAdvice(
        code("removeAll", 1).and(takesArgument(0, named(Set.class.getName()))),
        self + "$RemoveAllAdvice");
    target.applyAdvice(code("removeAll", 0).or(code("clear", 0)), AppCacheAdvice.REMOVE);
  }

  private static ElementMatcher.Junction<MethodDescription> code(String name, int arguments) {
    return named(name).and(takesArguments(arguments)).and(isPublic()).and(not(isAbstract()))
        .and(not(isStatic())).and(not(isBridge()));
  }

  public static final class GetAllAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Argument(0) Set<?> keys, @Advice.Return Map<?, ?> found,
        @Advice.Thrown Throwable thrown) {
      CacheCalls.readMany(depth, cache, keys, found, thrown);
    }
  }

  public static final class PutAllAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Argument(0) Map<?, ?> entries, @Advice.Thrown Throwable thrown) {
      CacheCalls.wrote(depth, cache, entries == null ? 0 : entries.size(), thrown);
    }
  }

  public static final class PutIfAbsentAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Return boolean stored, @Advice.Thrown Throwable thrown) {
      CacheCalls.putIfAbsent(depth, cache, stored, thrown);
    }
  }

  public static final class GetAndPutAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Return Object old, @Advice.Thrown Throwable thrown) {
      CacheCalls.readAndWrote(depth, cache, old, thrown);
    }
  }

  /** {@code remove(key)} and {@code remove(key, value)}: a removal when it says it removed. */
  public static final class RemoveAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Return boolean removed, @Advice.Thrown Throwable thrown) {
      CacheCalls.removed(depth, cache, removed ? 1 : 0, thrown);
    }
  }

  public static final class GetAndRemoveAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Return Object old, @Advice.Thrown Throwable thrown) {
      CacheCalls.readAndRemoved(depth, cache, old, thrown);
    }
  }

  /** {@code removeAll(keys)}: one per key asked (it does not say how many were there). */
  public static final class RemoveAllAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Argument(0) Set<?> keys, @Advice.Thrown Throwable thrown) {
      CacheCalls.removed(depth, cache, keys == null ? 0 : keys.size(), thrown);
    }
  }
}
