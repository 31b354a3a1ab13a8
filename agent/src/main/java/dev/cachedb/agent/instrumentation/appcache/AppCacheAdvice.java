package dev.cachedb.agent.instrumentation.appcache;

import dev.cachedb.agent.bootstrap.CacheCalls;
import net.bytebuddy.asm.Advice;

/**
 * The advice Spring's cache abstraction and JCache share: a get judged by its return value, a
 * call that is one put, a call that is one removal. Each module names these by the constants
 * below and keeps in its own folder only advice for what one API has (Spring's loading get,
 * JCache's getAll or putIfAbsent).
 */
public final class AppCacheAdvice {
  /** A constant, so naming the advice loads nothing before the bootstrap bridge is in place. */
  private static final String PREFIX =
      "dev.cachedb.agent.instrumentation.appcache.AppCacheAdvice$";

  /** A single-key get: a hit when it returns non-null. */
  public static final String GET = PREFIX + "GetAdvice";

  /** A call that stores one value. */
  public static final String PUT = PREFIX + "PutAdvice";

  /** A call that counts as one removal: an evict, a clear. */
  public static final String REMOVE = PREFIX + "RemoveAdvice";

  private AppCacheAdvice() {}

  public static final class GetAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Return Object value, @Advice.Thrown Throwable thrown) {
      CacheCalls.read(depth, cache, value, thrown);
    }
  }

  public static final class PutAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Thrown Throwable thrown) {
      CacheCalls.wrote(depth, cache, 1, thrown);
    }
  }

  public static final class RemoveAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static int enter() {
      return CacheCalls.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter int depth, @Advice.This Object cache,
        @Advice.Thrown Throwable thrown) {
      CacheCalls.removed(depth, cache, 1, thrown);
    }
  }
}
