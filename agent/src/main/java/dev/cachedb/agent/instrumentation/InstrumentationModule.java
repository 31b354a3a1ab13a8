package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.config.ConfigKey;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One library line, e.g. Jedis 3.x, listing its type instrumentations. A module applies only in
 * class loaders where {@link #classLoaderMatcher()} holds: the landmark classes of its version
 * range, each commented with the version that added or removed it. A library version no module
 * recognises is therefore left untouched.
 */
public interface InstrumentationModule {

  /** Short name for logs, e.g. {@code jedis-3.0}. */
  String name();

  /** The configuration switch that turns this module off, e.g. {@link ConfigKey#REDIS_ENABLED}. */
  ConfigKey switchKey();

  /**
   * The library, whose stated version is checked against the newest major the agent supports
   * before anything is woven ({@link Library#JDK} for the JDBC API).
   */
  Library library();

  /** Loaders that hold the version range this module supports. */
  ElementMatcher<ClassLoader> classLoaderMatcher();

  List<TypeInstrumentation> typeInstrumentations();

  /**
   * Called once at start, before any advice can run: create this module's metrics in the agent's
   * registry and install its recorders into the bootstrap hooks its advice calls.
   */
  void start(AgentContext context);
}
