package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeanWeaverTest {

  /** Every advice class of every module is one the ASM weaver inlines itself. */
  @Test
  void theInlinerCoversEveryAdviceClassOfTheAgent() throws Exception {
    List<String> advice = new ArrayList<>();
    for (InstrumentationModule module : Instrumentations.all()) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        type.transform((methods, adviceClass) -> advice.add(adviceClass));
      }
    }
    assertThat(advice).hasSizeGreaterThan(20);
    for (String name : advice) {
      assertThat(LeanWeaver.advice(name)).as(name).isNotNull(); // throws if declined
    }
  }
}
