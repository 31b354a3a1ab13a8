package dev.cachedb.agent.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PerThreadTest {

  private static PerThread<int[]> counter(AtomicInteger made) {
    return new PerThread<int[]>() {
      @Override
      protected int[] initialValue() {
        made.incrementAndGet();
        return new int[1];
      }
    };
  }

  @Test
  void madeOncePerThreadAndKeptThere() throws Exception {
    AtomicInteger made = new AtomicInteger();
    PerThread<int[]> state = counter(made);
    state.get()[0] = 7;
    assertThat(state.get()[0]).isEqualTo(7);
    AtomicReference<int[]> other = new AtomicReference<>();
    Thread t = new Thread(() -> other.set(state.get()));
    t.start();
    t.join();
    assertThat(other.get()[0]).as("another thread gets its own").isEqualTo(0);
    assertThat(made.get()).isEqualTo(2);
  }

  @Test
  void instancesNeverShareAThreadsState() {
    AtomicInteger made = new AtomicInteger();
    List<PerThread<int[]>> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // past the slots' first size
      PerThread<int[]> p = counter(made);
      p.get()[0] = i;
      many.add(p);
    }
    for (int i = 0; i < many.size(); i++) {
      assertThat(many.get(i).get()[0]).isEqualTo(i);
    }
    assertThat(made.get()).isEqualTo(40);
  }

  /**
   * Each thread-local is an entry in every application thread's map; the agent keeps one
   * (CallDepth's) and its recorders use PerThread.
   */
  @Test
  void theAgentMakesNoThreadLocalButCallDepths() throws IOException {
    Path main = Paths.get("src/main/java");
    List<String> makers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        if (text.contains("new ThreadLocal") || text.contains("ThreadLocal.withInitial")) {
          makers.add(main.relativize(f).toString().replace('\\', '/'));
        }
      }
    }
    assertThat(makers).containsExactly("dev/cachedb/agent/bootstrap/CallDepth.java");
  }
}
