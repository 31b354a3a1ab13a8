package dev.cachedb.agent.instrumentation.pool;

import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.AgentContext;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.pool.PoolRecorder;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What every connection-pool module shares: the {@code pool.enabled} switch, a landmark-class
 * loader matcher, and one {@link PoolRecorder} for all pool libraries, installed by whichever
 * module starts first.
 */
public abstract class PoolModule implements InstrumentationModule {
  private final String name;
  private final String[] landmarks;
  /**
   * Byte Buddy asks the loader matcher before the type matcher, for every class loaded, so the
   * answer is cached per loader (weakly: a web app's loader must stay collectable).
   */
  private final Map<ClassLoader, Boolean> answers =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());

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
        Boolean known = answers.get(loader);
        if (known == null) {
          known = hasLandmarks(loader);
          answers.put(loader, known);
        }
        return known;
      }
    };
  }

  private boolean hasLandmarks(ClassLoader loader) {
    for (String landmark : landmarks) {
      if (loader.getResource(landmark) == null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void start(AgentContext context) {
    // Not inline here: verifying this class would then load PoolCalls before the agent has put
    // it on the bootstrap path (modules are constructed first), pinning it to the wrong loader.
    PoolRecorder.install(context.registry());
  }
}
