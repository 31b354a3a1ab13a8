package dev.cachedb.agent.instrumentation.pool;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Landmarks;
import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.pool.PoolReader;
import dev.cachedb.agent.pool.PoolRecorder;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What every connection-pool module shares: the {@code pool.enabled} switch, its library, its
 * landmark classes, its {@link PoolReader}, registered at start, and one {@link PoolRecorder} for
 * all pool libraries, installed by whichever module starts first.
 */
public abstract class PoolModule implements InstrumentationModule {
  private final String name;
  private final Library library;
  private final PoolReader reader;
  private final String[] landmarks;

  /** {@code landmarks}: resource names of classes that must all be present, e.g. a/b/C.class. */
  protected PoolModule(String name, Library library, PoolReader reader, String... landmarks) {
    this.name = name;
    this.library = library;
    this.reader = reader;
    this.landmarks = landmarks;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Library library() {
    return library;
  }

  @Override
  public ConfigKey switchKey() {
    return ConfigKey.POOL_ENABLED;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return Landmarks.of(landmarks);
  }

  @Override
  public void start(AgentContext context) {
    // Not inline here: verifying this class would then load PoolCalls before the agent has put
    // it on the bootstrap path (modules are constructed first), pinning it to the wrong loader.
    PoolRecorder.install(context, reader);
  }
}
