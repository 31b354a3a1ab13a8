package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class SuperTypeIndexTest {
  abstract static class DriverStatement implements Statement {}

  abstract static class SubStatement extends DriverStatement {}

  abstract static class Prepared implements PreparedStatement {}

  interface MarkerLike extends PreparedStatement {}

  abstract static class Unrelated extends ArrayList<String> implements Runnable {}

  private final SuperTypeIndex index = new SuperTypeIndex("java.sql.Statement");
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void findsTheInterfaceDirectlyThroughSuperClassesAndSubInterfaces() throws IOException {
    assertThat(matches(DriverStatement.class)).isTrue();
    assertThat(matches(SubStatement.class)).isTrue();
    assertThat(matches(Prepared.class)).isTrue();
    assertThat(matches(MarkerLike.class)).isTrue();
  }

  @Test
  void otherClassesDoNotMatch() throws IOException {
    assertThat(matches(Unrelated.class)).isFalse();
    assertThat(matches(SuperTypeIndexTest.class)).isFalse();
  }

  @Test
  void unreadableBytesLeaveTheAnswerToByteBuddy() {
    ClassBytes.Entry garbage = new ClassBytes.Entry(loader, "a/B", new byte[] {1, 2, 3});
    assertThat(index.matches(loader, "a/B", garbage)).isNull();
  }

  private boolean matches(Class<?> c) throws IOException {
    String internal = c.getName().replace('.', '/');
    return index.matches(
        loader, internal, new ClassBytes.Entry(loader, internal, classFile(loader, internal)));
  }

  /** The class file of {@code internal} as {@code loader} sees it. */
  static byte[] classFile(ClassLoader loader, String internal) throws IOException {
    try (InputStream in = loader.getResourceAsStream(internal + ".class")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
