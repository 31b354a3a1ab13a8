package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.AgentContext;
import dev.cachedb.agent.config.ConfigKey;
import dev.cachedb.agent.metrics.AgentMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

class AdviceErrorRecorderTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final List<String> warnings = new ArrayList<>();
  private final AdviceErrorRecorder recorder = new AdviceErrorRecorder(
      Arrays.asList(module("lettuce-5.0", "a.b.CommandInstrumentation$CompleteAdvice",
              "a.b.CommandInstrumentation$FailAdvice"),
          module("jedis-3.0", "c.d.ConnectionInstrumentation$SendAdvice"),
          module("jedis-4.0", "c.d.ConnectionInstrumentation$SendAdvice")),
      new AgentMetrics(registry, "test"), warnings::add);

  @Test
  void countsPerModuleFromTheStartAndLogsTheFirstErrorOfEachModuleOnce() {
    assertThat(count("lettuce-5.0")).isEqualTo(0.0);
    assertThat(count("jedis-3.0")).isEqualTo(0.0);

    for (int i = 0; i < 3; i++) {
      recorder.suppressed("lettuce-5.0/a.b.CommandInstrumentation$CompleteAdvice", new NoSuchMethodError("x"));
    }
    recorder.suppressed("lettuce-5.0/a.b.CommandInstrumentation$FailAdvice", new IllegalStateException("y"));
    recorder.suppressed("jedis-3.0/c.d.ConnectionInstrumentation$SendAdvice", new RuntimeException("z"));

    assertThat(count("lettuce-5.0")).isEqualTo(4.0);
    assertThat(count("jedis-3.0")).isEqualTo(1.0);
    assertThat(count("jedis-4.0")).isEqualTo(0.0); // shares the advice class, not the errors
    assertThat(count("unknown")).isEqualTo(0.0);
    assertThat(warnings).containsExactly(
        "advice CommandInstrumentation$CompleteAdvice of module lettuce-5.0 threw"
            + " java.lang.NoSuchMethodError; the application's call went on without it. Further"
            + " errors of this module are only counted in"
            + " cachedb_agent_advice_errors_total{module=\"lettuce-5.0\"}",
        "advice ConnectionInstrumentation$SendAdvice of module jedis-3.0 threw"
            + " java.lang.RuntimeException; the application's call went on without it. Further"
            + " errors of this module are only counted in"
            + " cachedb_agent_advice_errors_total{module=\"jedis-3.0\"}");
  }

  @Test
  void anAdviceNoModuleDeclaresCountsAsUnknownAndNoMessageTextIsLogged() {
    recorder.suppressed("lettuce-5.0/x.y.Other$Advice", new IllegalStateException("key-secret"));
    recorder.suppressed(null, null);
    assertThat(count("unknown")).isEqualTo(2.0);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("advice Other$Advice of module unknown threw java.lang.IllegalStateException")
        .doesNotContain("secret");
  }

  private double count(String module) {
    for (CounterSnapshot.CounterDataPointSnapshot p :
        ((CounterSnapshot) registry.scrape(n -> n.equals(AgentMetrics.ADVICE_ERRORS)).get(0))
            .getDataPoints()) {
      if (p.getLabels().equals(Labels.of("module", module))) {
        return p.getValue();
      }
    }
    throw new AssertionError("no series for module " + module);
  }

  private static InstrumentationModule module(String name, String... adviceClasses) {
    TypeInstrumentation type = new TypeInstrumentation() {
      @Override
      public ElementMatcher<TypeDescription> typeMatcher() {
        return ElementMatchers.none();
      }

      @Override
      public void transform(AdviceTarget target) {
        for (String advice : adviceClasses) {
          target.applyAdvice(ElementMatchers.any(), advice);
        }
      }
    };
    return new InstrumentationModule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Library library() {
        return Library.JDK;
      }

      @Override
      public ConfigKey switchKey() {
        return ConfigKey.REDIS_ENABLED;
      }

      @Override
      public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return ElementMatchers.any();
      }

      @Override
      public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.singletonList(type);
      }

      @Override
      public void start(AgentContext context) {}
    };
  }
}
