package dev.cachedb.agent.jdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TableCapTest {

  @Test
  void fourthNewTableIsOtherWhenCapIsThree() {
    TableCap cap = new TableCap(3);

    assertThat(cap.label("a")).isEqualTo("a");
    assertThat(cap.label("b")).isEqualTo("b");
    assertThat(cap.label("c")).isEqualTo("c");
    assertThat(cap.label("d")).isEqualTo("other");
    assertThat(cap.label("e")).isEqualTo("other");
  }

  @Test
  void knownTablesStillPassWhenFull() {
    TableCap cap = new TableCap(3);
    cap.label("a");
    cap.label("b");
    cap.label("c");
    cap.label("d");

    assertThat(cap.label("a")).isEqualTo("a");
    assertThat(cap.label("c")).isEqualTo("c");
    assertThat(cap.label("d")).isEqualTo("other");
  }

  @Test
  void noneAlwaysPassesAndUsesNoSlot() {
    TableCap cap = new TableCap(1);

    assertThat(cap.label("none")).isEqualTo("none");
    assertThat(cap.label(null)).isEqualTo("none");
    assertThat(cap.label("a")).isEqualTo("a");
    assertThat(cap.label("none")).isEqualTo("none");
    assertThat(cap.label("b")).isEqualTo("other");
  }

  @Test
  void repeatedTableUsesOneSlot() {
    TableCap cap = new TableCap(2);
    for (int i = 0; i < 10; i++) {
      cap.label("a");
    }

    assertThat(cap.label("b")).isEqualTo("b");
    assertThat(cap.label("c")).isEqualTo("other");
  }

  @Test
  void zeroCapLabelsEverythingOther() {
    assertThat(new TableCap(0).label("a")).isEqualTo("other");
  }

  @Test
  void concurrentThreadsAdmitExactlyTheCap() throws InterruptedException {
    TableCap cap = new TableCap(50);
    Set<String> admitted = ConcurrentHashMap.newKeySet();
    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      int offset = t;
      threads[t] =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 2_000; i++) {
                  String table = "t" + ((i * 7 + offset) % 200);
                  String label = cap.label(table);
                  if (!label.equals("other")) {
                    admitted.add(label);
                  }
                }
              });
      threads[t].start();
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(admitted).hasSize(50);
    for (String table : admitted) {
      assertThat(cap.label(table)).isEqualTo(table);
    }
  }
}
