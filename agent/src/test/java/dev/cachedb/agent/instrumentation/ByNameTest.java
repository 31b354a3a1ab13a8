package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

class ByNameTest {

  @Test
  void exactNamesMatchInBothForms() {
    ByName named = ByName.named("com.zaxxer.hikari.pool.HikariPool", "a.B$C");

    assertThat(named.matchesInternalName("com/zaxxer/hikari/pool/HikariPool")).isTrue();
    assertThat(named.matchesInternalName("a/B$C")).isTrue();
    assertThat(named.matchesInternalName("com/zaxxer/hikari/pool/HikariPoolX")).isFalse();
    assertThat(named.matches(type("a.B$C"))).isTrue();
    assertThat(named.matches(type("a.B"))).isFalse();
    assertThat(named.hasPattern()).isFalse();
  }

  @Test
  void aPrefixAndSuffixMatchWhatStartsAndEndsWithThem() {
    ByName outputs = ByName.startingAndEnding("io.lettuce.core.output.", "Output");

    assertThat(outputs.matchesInternalName("io/lettuce/core/output/KeyValueListOutput")).isTrue();
    assertThat(outputs.matchesInternalName("io/lettuce/core/output/OutputFactory")).isFalse();
    assertThat(outputs.matchesInternalName("io/lettuce/core/KeyValueOutput")).isFalse();
    assertThat(outputs.matches(type("io.lettuce.core.output.MapOutput"))).isTrue();
    assertThat(outputs.matches(type("io.lettuce.core.output.MapOutput$1"))).isFalse();
    assertThat(outputs.hasPattern()).isTrue();
  }

  private static TypeDescription type(String name) {
    return new TypeDescription.Latent(name, 0, null);
  }
}
