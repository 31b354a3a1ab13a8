package dev.cachedb.agent.instrumentation.springcache.v4_3;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.appcache.AppCacheAdvice;
import dev.cachedb.agent.instrumentation.Implementing;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every implementation of Spring's {@code Cache}. A get is a hit when it returns a value wrapper
 * (Spring wraps a stored null, so that is a hit too) or, for {@code get(key, Class)}, a non-null
 * value; {@code get(key, Callable)} is a miss when it loaded. Puts and removals count once per
 * call, as Spring's own cache statistics do. {@code retrieve} (6.1, asynchronous) is not counted.
 */
final class SpringCacheInstrumentation implements TypeInstrumentation {
  private static final String[] ADVISED = {
    "get", "put", "putIfAbsent", "evict", "evictIfPresent", "clear", "invalidate"
  };
  private static final String[] EXCLUDED = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return Implementing.type("org.springframework.cache.Cache", ADVISED, EXCLUDED);
  }

  @Override
  public void transform(AdviceTarget target) {
    String self = SpringCacheInstrumentation.class.getName();
    target.applyAdvice(code("get").and(takesArguments(1)), AppCacheAdvice.GET);
    target.applyAdvice(
        code("get").and(takesArguments(2)).and(takesArgument(1, named("java.lang.Class"))),
        AppCacheAdvice.GET);
    target.applyAdvice(
        code("get")
            .and(takesArguments(2))
            .and(takesArgument(1, named("java.util.concurrent.Callable"))),
        self + "$LoadingGetAdvice");
    target.applyAdvice(
        code("put").or(code("putIfAbsent")).and(takesArguments(2)), AppCacheAdvice.PUT);
    target.applyAdvice(
        code("evict").or(code("evictIfPresent")).and(takesArguments(1)), AppCacheAdvice.REMOVE);
    target.applyAdvice(
        code("clear").or(code("invalidate")).and(takesArguments(0)), AppCacheAdvice.REMOVE);
  }

  private static ElementMatcher.Junction<MethodDescription> code(String name) {
    return namedOneOf(name).and(isPublic()).and(not(isAbstract())).and(not(isStatic()))
        .and(not(isBridge()));
  }

  /** {@code get(key, Callable)}. */
  public static final class LoadingGetAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enterLoading();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Thrown Throwable thrown) {
      CacheCalls.loadingRead(depth, cache, thrown);
    }
  }
}
