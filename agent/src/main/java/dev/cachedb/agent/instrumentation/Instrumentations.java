package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.jdbc.JdbcModule;
import dev.cachedb.agent.instrumentation.lettuce.v5_0.LettuceModule;
import dev.cachedb.agent.instrumentation.jedis.v2_9.Jedis29Module;
import dev.cachedb.agent.instrumentation.jedis.v4_0.Jedis4Module;
import java.util.Arrays;
import java.util.List;

/**
 * The list of every instrumentation module the agent knows. To add a library, write its module
 * under {@code instrumentation/<library>/v<oldest version>/} and add it here; nothing else changes.
 */
public final class Instrumentations {

  private Instrumentations() {}

  public static List<InstrumentationModule> all() {
    return Arrays.<InstrumentationModule>asList(
        new JdbcModule(), new Jedis29Module(), new Jedis4Module(), new LettuceModule());
  }
}
