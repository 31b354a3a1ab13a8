package dev.cachedb.bench.calibration;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.sql.PreparedStatement;
import javax.management.ObjectName;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The calibration variant of benchmarks/overhead.sh: an agent that records nothing and burns a
 * known CPU time in each call cachedb-agent intercepts on the petclinic service's requests
 * (pgjdbc's statement executions, Jedis's command send, HikariCP's borrow). The benchmark must
 * report that known cost per request back, within its confidence interval, to show that it can
 * see a cost as small as the targets it checks.
 *
 * <p>Argument: {@code burnNanos=<CPU nanoseconds per call>}.
 */
public final class CalibrationAgent {
  private CalibrationAgent() {}

  public static void premain(String args, Instrumentation inst) throws Exception {
    Burner.burnNanos = parseBurnNanos(args);
    ManagementFactory.getPlatformMBeanServer()
        .registerMBean(new Calibration(), new ObjectName(Calibration.NAME));
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .type(
            nameStartsWith("org.postgresql.")
                .and(isSubTypeOf(PreparedStatement.class))
                .and(not(isInterface())))
        .transform(burnOn(namedOneOf("execute", "executeQuery", "executeUpdate")
            .and(takesArguments(0))))
        .type(named("redis.clients.jedis.Connection"))
        .transform(burnOn(named("sendCommand")
            .and(takesArgument(0, named("redis.clients.jedis.CommandArguments")))))
        .type(named("com.zaxxer.hikari.pool.HikariPool"))
        .transform(burnOn(named("getConnection").and(takesArguments(1))))
        .installOn(inst);
  }

  private static AgentBuilder.Transformer burnOn(
      ElementMatcher.Junction<MethodDescription> methods) {
    return (builder, type, loader, module, domain) ->
        builder.visit(Advice.to(BurnAdvice.class).on(methods.and(not(isAbstract()))));
  }

  static long parseBurnNanos(String args) {
    String prefix = "burnNanos=";
    if (args == null || !args.startsWith(prefix)) {
      throw new IllegalArgumentException("expected burnNanos=<nanoseconds>, got " + args);
    }
    return Long.parseLong(args.substring(prefix.length()));
  }

  static final class BurnAdvice {
    private BurnAdvice() {}

    @Advice.OnMethodEnter
    static void enter() {
      Burner.burn();
    }
  }
}
