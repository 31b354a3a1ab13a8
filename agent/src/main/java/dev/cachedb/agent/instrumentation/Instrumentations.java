package dev.cachedb.agent.instrumentation;

import dev.cachedb.agent.instrumentation.jdbc.JdbcModule;
import dev.cachedb.agent.instrumentation.lettuce.v5_0.LettuceModule;
import dev.cachedb.agent.instrumentation.jedis.v2_9.Jedis29Module;
import dev.cachedb.agent.instrumentation.jedis.v4_0.Jedis4Module;
import dev.cachedb.agent.instrumentation.agroal.v1_1.AgroalModule;
import dev.cachedb.agent.instrumentation.c3p0.v0_9_5.C3p0Module;
import dev.cachedb.agent.instrumentation.dbcp.v1_4.DbcpModule;
import dev.cachedb.agent.instrumentation.dbcp.v2_1.Dbcp2Module;
import dev.cachedb.agent.instrumentation.druid.v1_1.DruidModule;
import dev.cachedb.agent.instrumentation.hikaricp.v2_7.HikariModule;
import dev.cachedb.agent.instrumentation.tomcatdbcp.v7_0.TomcatDbcpModule;
import dev.cachedb.agent.instrumentation.tomcatdbcp.v8_0.TomcatDbcp2Module;
import dev.cachedb.agent.instrumentation.tomcatjdbc.v8_5.TomcatJdbcModule;
import dev.cachedb.agent.instrumentation.ucp.v19_3.UcpModule;
import dev.cachedb.agent.instrumentation.vibur.v22_0.ViburModule;
import dev.cachedb.agent.instrumentation.jedis.pool.v2_9.JedisPool29Module;
import dev.cachedb.agent.instrumentation.jedis.pool.v4_0.JedisPool4Module;
import dev.cachedb.agent.instrumentation.lettuce.pool.v5_0.LettucePoolModule;
import dev.cachedb.agent.instrumentation.jcache.v1_0.JCacheModule;
import dev.cachedb.agent.instrumentation.springcache.v4_3.SpringCacheModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of every instrumentation module the agent knows. To add a library, write its module
 * under {@code instrumentation/<library>/v<oldest version>/} and add it here; the gate, the
 * weaver and the reference check take it from this list. Its advice must stay inside what the
 * weaver inlines ({@code AsmWeaverTest}), and the weaving oracle test needs a sample target with
 * the shapes of the methods it advises.
 */
public final class Instrumentations {

  private Instrumentations() {}

  public static List<InstrumentationModule> all() {
    List<InstrumentationModule> all = new ArrayList<>();
    all.add(new JdbcModule());
    all.add(new Jedis29Module());
    all.add(new Jedis4Module());
    all.add(new LettuceModule());
    all.add(new HikariModule());
    all.add(new Dbcp2Module());
    all.add(new DbcpModule());
    all.add(new C3p0Module());
    all.add(new TomcatJdbcModule());
    all.add(new TomcatDbcp2Module());
    all.add(new TomcatDbcpModule());
    all.add(new DruidModule());
    all.add(new ViburModule());
    all.add(new AgroalModule());
    all.add(new UcpModule());
    all.add(new JedisPool29Module());
    all.add(new JedisPool4Module());
    all.add(new LettucePoolModule());
    all.add(new SpringCacheModule());
    all.add(new JCacheModule());
    return all;
  }
}
