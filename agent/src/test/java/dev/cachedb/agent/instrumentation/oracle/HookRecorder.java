package dev.cachedb.agent.instrumentation.oracle;

import dev.cachedb.agent.bootstrap.AdviceErrors;
import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.bootstrap.JedisCalls;
import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.bootstrap.JdbcCalls;
import dev.cachedb.agent.bootstrap.PoolCalls;
import java.lang.reflect.InvocationHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Test sinks in every bootstrap hook the advice reaches (JDBC, pools, Redis, advice errors), each
 * recording its calls as text: values that vary from run to run (durations, identities) are
 * replaced by what they are. With {@link #sinksThrow} the sinks throw after recording, as a
 * failing recorder would.
 */
public final class HookRecorder implements AutoCloseable {
  /**
   * The long the oracle passes to advised methods: a value no clock reading or duration the
   * advice computes can equal (4242 once did, as a measured duration).
   */
  public static final long SAMPLE_LONG = Long.MIN_VALUE + 4242L;

  public final List<String> events = new ArrayList<>();
  public volatile boolean sinksThrow;
  private final JdbcCalls.Sink jdbc = JdbcCalls.sink;
  private final PoolCalls.Sink pool = PoolCalls.sink;
  private final JedisCalls.Sink jedis = JedisCalls.sink;
  private final LettuceCalls.Sink lettuce = LettuceCalls.sink;
  private final AdviceErrors.Sink errors = AdviceErrors.sink;
  private final CacheCalls.Sink appCache = CacheCalls.sink;

  public HookRecorder() throws Exception {
    JdbcCalls.sink = recording(JdbcCalls.Sink.class, true);
    PoolCalls.sink = recording(PoolCalls.Sink.class, true);
    JedisCalls.sink = recording(JedisCalls.Sink.class, true);
    LettuceCalls.sink = recording(LettuceCalls.Sink.class, true);
    AdviceErrors.sink = recording(AdviceErrors.Sink.class, false);
    CacheCalls.sink = recording(CacheCalls.Sink.class, true);
  }

  private <T> T recording(Class<T> sink, boolean mayThrow) throws Exception {
    String hook = sink.getEnclosingClass().getSimpleName();
    InvocationHandler handler = (proxy, method, args) -> {
      events.add(hook + "." + method.getName() + Arrays.stream(args)
          .map(HookRecorder::describe).collect(Collectors.joining(", ", "(", ")")));
      if (mayThrow && sinksThrow) {
        throw new IllegalStateException("the recorder failed");
      }
      return null;
    };
    return new ByteBuddy().subclass(sink)
        .method(ElementMatchers.isDeclaredBy(sink))
        .intercept(InvocationHandlerAdapter.of(handler))
        .make()
        .load(sink.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
        .getLoaded()
        .getDeclaredConstructor()
        .newInstance();
  }

  /** A value as text, the same in both weavings of a sample. */
  public static String describe(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer) {
      return String.valueOf(value);
    }
    if (value instanceof Long) {
      return (Long) value == SAMPLE_LONG ? "sample long" : "a long";
    }
    if (value instanceof Throwable) {
      return value.getClass().getName() + ": " + ((Throwable) value).getMessage();
    }
    if (value instanceof char[]) {
      return "chars " + new String((char[]) value);
    }
    if (value instanceof int[]) {
      return Arrays.toString((int[]) value);
    }
    return "a " + value.getClass().getName();
  }

  @Override
  public void close() {
    JdbcCalls.sink = jdbc;
    PoolCalls.sink = pool;
    JedisCalls.sink = jedis;
    LettuceCalls.sink = lettuce;
    AdviceErrors.sink = errors;
    CacheCalls.sink = appCache;
  }
}
