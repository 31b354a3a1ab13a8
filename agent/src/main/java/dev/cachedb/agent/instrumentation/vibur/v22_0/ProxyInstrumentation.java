package dev.cachedb.agent.instrumentation.vibur.v22_0;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.cachedb.agent.bootstrap.PoolCalls;
import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.ByName;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Vibur's {@code Proxy.newProxyConnection(ConnHolder, PoolOperations, ViburConfig)}, the end of
 * every borrow, called only from inside getConnection: the holder's usage clock starts at that
 * borrow's end, on the pool's side. What getConnection returns is a JDK proxy, and reaching the
 * holder behind it through {@code Proxy.getInvocationHandler} allocates on every call from JDK 9
 * on (its proxy-class check builds a look-up key). The configuration passed is the data source the pool is registered by.
 */
final class ProxyInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return ByName.named("org.vibur.dbcp.proxy.Proxy");
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        named("newProxyConnection").and(takesArguments(3)), getClass().getName() + "$LentAdvice");
  }

  public static class LentAdvice {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
        @Advice.Argument(0) Object holder, @Advice.Argument(2) Object dataSource) {
      PoolCalls.sink.lent(dataSource, holder);
    }
  }
}
