package dev.cachedb.agent.instrumentation.lettuce.v5_0;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.cache.CacheRuntime;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Lettuce 5.0 to 7.x: sync, async and reactive APIs, standalone and cluster. Every API dispatches
 * through {@code RedisChannelHandler.dispatch} and completes the innermost {@code Command}; those
 * methods, the outputs' {@code set(ByteBuffer)} and {@code RedisClient.connectStandaloneAsync} have
 * had the same signatures from 5.0.0 to 7.7.0 (checked with javap), so one module serves them all.
 * Advice calls only members every one of those versions has: not {@code ProtocolKeyword.name()},
 * abstract up to 6.4, absent from 6.5 to 6.7, a default method again from 6.8.
 */
public final class LettuceModule implements InstrumentationModule {
  /** 8.x and later are refused until checked and supported. */
  public static final Library LETTUCE = new Library(
      "lettuce", "io.lettuce", "lettuce-core", "io/lettuce/core/RedisClient.class", 7);

  @Override
  public String name() {
    return "lettuce-5.0";
  }

  @Override
  public Library library() {
    return LETTUCE;
  }

  @Override
  public ConfigKey switchKey() {
    return ConfigKey.REDIS_ENABLED;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    // added in 5.0: the io.lettuce package (4.x lived in com.lambdaworks)
    return Landmarks.of("io/lettuce/core/protocol/DefaultEndpoint.class");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ChannelHandlerInstrumentation(),
        new CommandInstrumentation(),
        new CommandOutputInstrumentation(),
        new RedisClientInstrumentation());
  }

  @Override
  public void start(AgentContext context) {
    CacheRuntime.start(context);
  }
}
