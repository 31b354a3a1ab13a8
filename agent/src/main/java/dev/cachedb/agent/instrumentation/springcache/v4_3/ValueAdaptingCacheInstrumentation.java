package dev.cachedb.agent.instrumentation.springcache.v4_3;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code AbstractValueAdaptingCache.toStoreValue}: ConcurrentMapCache, CaffeineCache and
 * JCacheCache pass a loaded value through it inside {@code get(key, Callable)}, which is how a
 * loading get is told from one that found its value ({@link CacheCalls}).
 */
final class ValueAdaptingCacheInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.springframework.cache.support.AbstractValueAdaptingCache");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(named("toStoreValue").and(takesArguments(1)),
        ValueAdaptingCacheInstrumentation.class.getName() + "$StoreAdvice");
  }

  public static final class StoreAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
      CacheCalls.storing();
    }
  }
}
