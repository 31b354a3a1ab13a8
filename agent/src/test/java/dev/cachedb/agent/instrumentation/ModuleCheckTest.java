package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.instrumentation.lettuce.v5_0.LettuceModule;
import dev.cachedb.agent.instrumentation.pool.PoolModule;
import dev.cachedb.agent.instrumentation.references.ModuleReferences;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class ModuleCheckTest {

  /** Lettuce as a jar alone, read through a loader that sees nothing else of the class path. */
  private static ClassLoader lettuce(String version) throws IOException {
    URL jar = Path.of("target", "reference-jars", "lettuce-core-" + version + ".RELEASE.jar")
        .toUri().toURL();
    return new URLClassLoader(new URL[] {jar}, null);
  }

  @Test
  void everyModuleHasItsReferencesCollectedFromItsAdvice() throws IOException {
    for (InstrumentationModule m : Instrumentations.all()) {
      ModuleReferences refs = ModuleCheck.collect(m);
      if (m.library() == Library.JDK) {
        assertThat(refs.size()).as(m.name()).isZero(); // java.sql is the JDK's
      } else if (m instanceof PoolModule) {
        // Pool advice hands the library's objects to hooks as Object: no reference, Redis
        // clients' pools (jedis-pool-*, lettuce-pool-*) included.
        assertThat(refs.size()).as(m.name()).isZero();
      } else if (m.name().startsWith("jedis")) {
        assertThat(refs.describe())
            .as(m.name())
            .contains("field redis.clients.jedis.Connection.socket");
      } else if (m.name().startsWith("lettuce")) {
        assertThat(refs.size()).as(m.name()).isGreaterThan(5);
      }
    }
  }

  @Test
  void theCallThatBlindedLettuce66IsCaught() throws IOException {
    ModuleReferences old = ModuleReferences.builder(getClass().getClassLoader())
        .advice(OldLettuceAdvice.class.getName(), Collections.<String>emptyList())
        .build();
    assertThat(old.firstMissing(lettuce("6.4.2"))).isNull();
    assertThat(old.firstMissing(lettuce("6.6.0")))
        .isEqualTo("method io.lettuce.core.protocol.ProtocolKeyword.name()");
  }

  @Test
  void lettuceAdviceReferencesOnlyWhatLettuce66Has() throws IOException {
    ModuleReferences lettuce = ModuleCheck.collect(new LettuceModule());
    assertThat(lettuce.describe())
        .contains("method io.lettuce.core.protocol.RedisCommand.getOutput()");
    assertThat(lettuce.firstMissing(lettuce("6.4.2"))).isNull();
    assertThat(lettuce.firstMissing(lettuce("6.6.0"))).isNull();
  }

  @Test
  void theJarStatesItsVersion() throws IOException {
    Library lettuce = new LettuceModule().library();
    assertThat(lettuce.version(lettuce("6.6.0"))).isEqualTo("6.6.0.RELEASE");
    assertThat(lettuce.version(new URLClassLoader(new URL[0], null))).isNull();
  }

  @Test
  void aModuleIsActiveOrRefusedWholeInEachLoader() throws IOException {
    InstrumentationStates states = new InstrumentationStates();
    ModuleCheck check = new ModuleCheck(new LettuceModule(), states);
    assertThat(check.matches(lettuce("6.4.2"))).isTrue();
    assertThat(check.matches(new URLClassLoader(new URL[0], null))).isFalse();
    assertThat(states.toString()).isEqualTo("[lettuce-5.0 6.4.2.RELEASE active]");
  }

  @Test
  void aVersionIsTooNewPastTheNewestSupportedMajor() {
    Library lib = new Library("lettuce", "io.lettuce", "lettuce-core", "x.class", 7);
    assertThat(lib.tooNew("8.0.0.RELEASE")).isTrue();
    assertThat(lib.tooNew("7.7.0.RELEASE")).isFalse();
    assertThat(lib.tooNew(null)).isFalse();
    assertThat(Library.major("6.6.0.RELEASE")).isEqualTo(6);
    assertThat(Library.major("RELEASE")).isEqualTo(-1);
  }
}
