package dev.cachedb.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LettuceCallsTest {
  private final List<String> calls = new ArrayList<>();
  private CacheCalls.Sink previous;

  @BeforeEach
  void installSink() {
    previous = CacheCalls.sink;
    CacheCalls.sink =
        new CacheCalls.Sink() {
          @Override
          public void read(String command, int hits, int misses, long nanos) {
            calls.add(command + " read " + hits + "/" + misses);
          }

          @Override
          public void success(String command, long nanos) {
            calls.add(command + " success");
          }

          @Override
          public void error(String command, long nanos) {
            calls.add(command + " error");
          }
        };
  }

  @AfterEach
  void restoreSink() {
    CacheCalls.sink = previous;
  }

  @Test
  void nilReplyIsAMissAndAValueAHit() {
    Object a = new Object();
    Object b = new Object();
    LettuceCalls.dispatched(a);
    LettuceCalls.dispatched(b);
    LettuceCalls.completed(a, "GET", null, false, 1);
    LettuceCalls.completed(b, "HGET", "v", false, 2);
    assertThat(calls).containsExactly("GET read 0/1", "HGET read 1/0");
  }

  @Test
  void mgetCountsEachKeyFromTheDecodedValues() {
    Object out = new Object();
    LettuceCalls.dispatched(out);
    LettuceCalls.element(out, "v1");
    LettuceCalls.element(out, null);
    LettuceCalls.element(out, "v2");
    LettuceCalls.completed(out, "MGET", Collections.emptyList(), false, 3);
    assertThat(calls).containsExactly("MGET read 2/1");
  }

  @Test
  void existsCountsTheReplyAsHitsAndTheRestAsMisses() {
    Object out = new Object();
    LettuceCalls.dispatched(out);
    LettuceCalls.completed(out, "EXISTS", 5L, false, 7);
    assertThat(calls).containsExactly("EXISTS read 5/2");
  }

  @Test
  void emptyCollectionIsAMissAndStreamedElementsAHit() {
    Object empty = new Object();
    Object streamed = new Object();
    Object listed = new Object();
    LettuceCalls.dispatched(empty);
    LettuceCalls.dispatched(streamed);
    LettuceCalls.dispatched(listed);
    LettuceCalls.completed(empty, "LRANGE", Collections.emptyList(), false, 3);
    LettuceCalls.element(streamed, "x");
    LettuceCalls.completed(streamed, "SMEMBERS", Collections.emptySet(), false, 1);
    LettuceCalls.completed(listed, "HGETALL", Collections.singletonMap("f", "v"), false, 1);
    assertThat(calls).containsExactly("LRANGE read 0/1", "SMEMBERS read 1/0", "HGETALL read 1/0");
  }

  @Test
  void errorReplyIsAnErrorNeverAMiss() {
    Object out = new Object();
    LettuceCalls.dispatched(out);
    LettuceCalls.completed(out, "GET", null, true, 1);
    assertThat(calls).containsExactly("GET error");
  }

  @Test
  void oneLogicalCommandIsRecordedOnceWhateverCompletesIt() {
    Object out = new Object();
    LettuceCalls.dispatched(out);
    LettuceCalls.dispatched(out); // a cluster redirect or reconnect retry
    LettuceCalls.failed(out, "SET"); // timeout cancels it...
    LettuceCalls.completed(out, "SET", "OK", false, 2); // ...the late reply is not counted again
    assertThat(calls).containsExactly("SET error");
  }

  @Test
  void commandsNotSeenAtDispatchAreIgnored() {
    LettuceCalls.completed(new Object(), "GET", "v", false, 1);
    LettuceCalls.failed(new Object(), "GET");
    LettuceCalls.element(null, "x");
    LettuceCalls.completed(null, "GET", "v", false, 1);
    assertThat(calls).isEmpty();
  }

  @Test
  void otherCommandsAreSuccesses() {
    List<Object> outs = Arrays.<Object>asList(new Object(), new Object());
    for (Object o : outs) {
      LettuceCalls.dispatched(o);
    }
    LettuceCalls.completed(outs.get(0), "SET", "OK", false, 2);
    LettuceCalls.completed(outs.get(1), "DEL", 1L, false, 1);
    assertThat(calls).containsExactly("SET success", "DEL success");
  }

  @Test
  void manyCommandsInFlightAtOnceAreEachRecordedOnce() {
    List<Object> outs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Object o = new Object();
      outs.add(o);
      LettuceCalls.dispatched(o);
    }
    for (Object o : outs) {
      LettuceCalls.completed(o, "SET", "OK", false, 2);
    }
    assertThat(calls).hasSize(2000);
  }

  /** Like 6.5+'s CommandType: an enum whose toString() is the wire name, not the constant. */
  private enum Keyword {
    GET,
    AUTH2;

    @Override
    public String toString() {
      return this == AUTH2 ? "AUTH" : "wire-" + name();
    }
  }

  @Test
  void enumTypeIsNamedByItsConstantWhateverItsToString() {
    Object a = new Object();
    Object b = new Object();
    LettuceCalls.dispatched(a);
    LettuceCalls.dispatched(b);
    LettuceCalls.completed(a, Keyword.GET, "v", false, 1);
    LettuceCalls.failed(b, Keyword.AUTH2);
    assertThat(calls).containsExactly("GET read 1/0", "AUTH2 error");
  }

  @Test
  void otherTypeIsNamedByItsToString() {
    Object out = new Object();
    LettuceCalls.dispatched(out);
    LettuceCalls.completed(out, new StringBuilder("CUSTOM"), "OK", false, 1);
    assertThat(calls).containsExactly("CUSTOM success");
    assertThat(LettuceCalls.name(null)).isEqualTo("OTHER");
  }
}
