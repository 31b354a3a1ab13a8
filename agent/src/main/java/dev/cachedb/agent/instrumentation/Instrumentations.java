package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.c3p0.v0_9_5.C3p0Module;
import dev.cachedb.agent.instrumentation.dbcp.v1_4.DbcpModule;
import dev.cachedb.agent.instrumentation.dbcp2.v2_1.Dbcp2Module;
import dev.cachedb.agent.instrumentation.hikaricp.v2_7.HikariModule;
import dev.cachedb.agent.instrumentation.tomcatjdbc.v8_5.TomcatJdbcModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of every instrumentation module the agent knows. To add a library, write its module
 * under {@code instrumentation/<library>/v<oldest version>/} and add it here; nothing else changes.
 */
public final class Instrumentations {

  private Instrumentations() {}

  public static List<InstrumentationModule> all() {
    List<InstrumentationModule> all = new ArrayList<>();
    // ==== pool ====
    all.add(new HikariModule());
    all.add(new Dbcp2Module());
    all.add(new DbcpModule());
    all.add(new C3p0Module());
    all.add(new TomcatJdbcModule());
    return all;
  }
}
