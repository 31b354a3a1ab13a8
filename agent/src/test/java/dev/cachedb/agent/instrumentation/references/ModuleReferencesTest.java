package dev.cachedb.agent.instrumentation.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleReferencesTest {
  private static final String KEYWORD = "samplelib/Keyword";
  private static final String COMMAND = "samplelib/Command";
  private static final String[] KEYWORD_METHODS = {"name()Ljava/lang/String;", "getBytes()[B"};
  private static final String[] COMMAND_METHODS = {"getType()Lsamplelib/Keyword;"};

  private static ModuleReferences sample() throws IOException {
    return ModuleReferences.builder(ModuleReferencesTest.class.getClassLoader())
        .advice(SampleAdvice.Enter.class.getName(), List.of("samplelib.Command"))
        .build();
  }

  @Test
  void collectsEveryLibraryMemberTheAdviceNames() throws IOException {
    assertThat(sample().describe())
        .containsExactlyInAnyOrder(
            "field samplelib.Command.socket",
            "class samplelib.Command",
            "method samplelib.Command.getType()",
            "class samplelib.Keyword",
            "method samplelib.Keyword.name()",
            "field samplelib.Command.retries");
  }

  @Test
  void patternTargetsLeaveFieldValuesUnchecked() throws IOException {
    ModuleReferences refs = ModuleReferences.builder(getClass().getClassLoader())
        .advice(SampleAdvice.Enter.class.getName(), Collections.<String>emptyList())
        .build();
    assertThat(refs.describe()).doesNotContain("field samplelib.Command.socket").hasSize(5);
  }

  @Test
  void aLoaderWithEveryMemberPasses() throws IOException {
    assertThat(sample().firstMissing(getClass().getClassLoader())).isNull();
    assertThat(sample().firstMissing(complete())).isNull();
  }

  @Test
  void namesTheMethodAVersionLacks() throws IOException {
    LibraryLoader withoutName = new LibraryLoader()
        .with(KEYWORD, true, null, new String[] {"getBytes()[B"})
        .with(COMMAND, false, "java/lang/Object", COMMAND_METHODS, "socket", "retries");
    assertThat(sample().firstMissing(withoutName)).isEqualTo("method samplelib.Keyword.name()");
  }

  @Test
  void aMethodWithAnotherReturnTypeIsMissing() throws IOException {
    LibraryLoader changed = new LibraryLoader()
        .with(KEYWORD, true, null, KEYWORD_METHODS)
        .with(COMMAND, false, "java/lang/Object", new String[] {"getType()Ljava/lang/Object;"},
            "socket", "retries");
    assertThat(sample().firstMissing(changed)).isEqualTo("method samplelib.Command.getType()");
  }

  @Test
  void namesTheFieldAVersionLacks() throws IOException {
    LibraryLoader withoutSocket = new LibraryLoader()
        .with(KEYWORD, true, null, KEYWORD_METHODS)
        .with(COMMAND, false, "java/lang/Object", COMMAND_METHODS, "retries");
    assertThat(sample().firstMissing(withoutSocket)).isEqualTo("field samplelib.Command.socket");
  }

  @Test
  void namesAClassAVersionLacks() throws IOException {
    assertThat(sample().firstMissing(new LibraryLoader())).isEqualTo("class samplelib.Command");
  }

  @Test
  void aClassThatBecameAnInterfaceIsIncompatible() throws IOException {
    LibraryLoader nowInterface = new LibraryLoader()
        .with(KEYWORD, true, null, KEYWORD_METHODS)
        .with(COMMAND, true, null, COMMAND_METHODS, "socket", "retries");
    assertThat(sample().firstMissing(nowInterface))
        .isEqualTo("method samplelib.Command.getType() (samplelib.Command is now an interface)");
  }

  @Test
  void membersInheritedFromSuperTypesCount() throws IOException {
    LibraryLoader inherited = new LibraryLoader()
        .with("samplelib/Named", true, null, new String[] {"name()Ljava/lang/String;"})
        .implementing("samplelib/Named")
        .with(KEYWORD, true, null, new String[] {"getBytes()[B"})
        .with("samplelib/Base", false, "java/lang/Object", COMMAND_METHODS, "socket", "retries")
        .with(COMMAND, false, "samplelib/Base", new String[0]);
    assertThat(sample().firstMissing(inherited)).isNull();
  }

  private static LibraryLoader complete() {
    return new LibraryLoader()
        .with(KEYWORD, true, null, KEYWORD_METHODS)
        .with(COMMAND, false, "java/lang/Object", COMMAND_METHODS, "socket", "retries");
  }
}
