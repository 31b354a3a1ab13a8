package dev.cachedb.agent.instrumentation.jdbc;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.instrumentation.InstrumentationModule;
import dev.cachedb.agent.instrumentation.Library;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import dev.cachedb.agent.jdbc.QueryMetrics;
import dev.cachedb.agent.jdbc.QueryRecorder;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Query metrics for every JDBC driver and every wrapper around one (pools' proxies included).
 * There is no version line to tell apart: {@code java.sql.Statement} and {@code Connection} are
 * the JDK's, so the only landmark is that the loader sees them.
 */
public final class JdbcModule implements InstrumentationModule {

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public Library library() {
    return Library.JDK;
  }

  @Override
  public ConfigKey switchKey() {
    return ConfigKey.JDBC_ENABLED;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return new SeesJdbc();
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new ConnectionInstrumentation(),
        new StatementInstrumentation(),
        MetaDataInstrumentation.databaseMetaData(),
        MetaDataInstrumentation.resultSetMetaData());
  }

  @Override
  public void start(AgentContext context) {
    // Through a method of QueryRecorder, not an assignment here: verifying this class would load
    // JdbcCalls.Sink into the agent's loader before the bootstrap jar is in place (a loader
    // constraint violation later). QueryRecorder is first loaded here, after the bridge exists.
    QueryRecorder.install(new QueryMetrics(context.registry(), context.histograms()), context.config());
  }
}
