package dev.cachedb.agent.instrumentation.pool;

import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.AgentContext;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.pool.PoolRecorder;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What every connection-pool module shares: the {@code pool.enabled} switch, a landmark-class
 * loader matcher, and one {@link PoolRecorder} for all pool libraries, installed by whichever
 * module starts first.
 */
public abstract class PoolModule implements InstrumentationModule {
  private final String name;
  private final String[] landmarks;

  /** {@code landmarks}: resource names of classes that must all be present, e.g. a/b/C.class. */
  protected PoolModule(String name, String... landmarks) {
    this.name = name;
    this.landmarks = landmarks;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ConfigKey switchKey() {
    return ConfigKey.POOL_ENABLED;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return new ElementMatcher<ClassLoader>() {
      @Override
      public boolean matches(ClassLoader loader) {
        if (loader == null) {
          return false; // pools never live in the bootstrap loader
        }
        for (String landmark : landmarks) {
          if (loader.getResource(landmark) == null) {
            return false;
          }
        }
        return true;
      }
    };
  }

  @Override
  public void start(AgentContext context) {
    // Not inline here: verifying this class would then load PoolCalls before the agent has put
    // it on the bootstrap path (modules are constructed first), pinning it to the wrong loader.
    PoolRecorder.install(context.registry());
  }
}
