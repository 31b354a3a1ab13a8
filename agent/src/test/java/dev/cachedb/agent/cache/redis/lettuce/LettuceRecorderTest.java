package dev.cachedb.agent.cache.redis.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.cache.redis.Outcomes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times Lettuce commands from dispatch to completion and classifies as the contract says. */
class LettuceRecorderTest {
  private final Outcomes outcomes = new Outcomes();
  private final List<String> calls = outcomes.recorded;
  private final LettuceRecorder lettuce = new LettuceRecorder(outcomes);

  @Test
  void nilReplyIsAMissAndAValueAHit() {
    Object a = new Object();
    Object b = new Object();
    lettuce.dispatched(a, null, null);
    lettuce.dispatched(b, null, null);
    lettuce.completed(a, "GET", null, false, 1);
    lettuce.completed(b, "HGET", "v", false, 2);
    assertThat(calls).containsExactly("GET 0/1", "HGET 1/0");
  }

  @Test
  void mgetCountsEachKeyFromTheDecodedValues() {
    Object out = new Object();
    lettuce.dispatched(out, null, null);
    lettuce.element(out, "v1");
    lettuce.element(out, null);
    lettuce.element(out, "v2");
    lettuce.completed(out, "MGET", Collections.emptyList(), false, 3);
    assertThat(calls).containsExactly("MGET 2/1");
  }

  @Test
  void existsCountsTheReplyAsHitsAndTheRestAsMisses() {
    Object out = new Object();
    lettuce.dispatched(out, null, null);
    lettuce.completed(out, "EXISTS", 5L, false, 7);
    assertThat(calls).containsExactly("EXISTS 5/2");
  }

  @Test
  void emptyCollectionIsAMissAndStreamedElementsAHit() {
    Object empty = new Object();
    Object streamed = new Object();
    Object listed = new Object();
    lettuce.dispatched(empty, null, null);
    lettuce.dispatched(streamed, null, null);
    lettuce.dispatched(listed, null, null);
    lettuce.completed(empty, "LRANGE", Collections.emptyList(), false, 3);
    lettuce.element(streamed, "x");
    lettuce.completed(streamed, "SMEMBERS", Collections.emptySet(), false, 1);
    lettuce.completed(listed, "HGETALL", Collections.singletonMap("f", "v"), false, 1);
    assertThat(calls).containsExactly("LRANGE 0/1", "SMEMBERS 1/0", "HGETALL 1/0");
  }

  @Test
  void errorReplyIsAnErrorNeverAMiss() {
    Object out = new Object();
    lettuce.dispatched(out, null, null);
    lettuce.completed(out, "GET", null, true, 1);
    assertThat(calls).containsExactly("GET error");
  }

  @Test
  void oneLogicalCommandIsRecordedOnceWhateverCompletesIt() {
    Object out = new Object();
    lettuce.dispatched(out, null, null);
    lettuce.dispatched(out, null, null); // a cluster redirect or reconnect retry
    lettuce.failed(out, "SET"); // timeout cancels it...
    lettuce.completed(out, "SET", "OK", false, 2); // ...the late reply is not counted again
    assertThat(calls).containsExactly("SET error");
  }

  @Test
  void commandsNotSeenAtDispatchAreIgnored() {
    lettuce.completed(new Object(), "GET", "v", false, 1);
    lettuce.failed(new Object(), "GET");
    lettuce.element(null, "x");
    lettuce.completed(null, "GET", "v", false, 1);
    assertThat(calls).isEmpty();
  }

  @Test
  void otherCommandsAreSuccesses() {
    List<Object> outs = Arrays.<Object>asList(new Object(), new Object());
    for (Object o : outs) {
      lettuce.dispatched(o, null, null);
    }
    lettuce.completed(outs.get(0), "SET", "OK", false, 2);
    lettuce.completed(outs.get(1), "DEL", 1L, false, 1);
    assertThat(calls).containsExactly("SET ok", "DEL ok");
  }

  @Test
  void manyCommandsInFlightAtOnceAreEachRecordedOnce() {
    List<Object> outs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Object o = new Object();
      outs.add(o);
      lettuce.dispatched(o, null, null);
    }
    for (Object o : outs) {
      lettuce.completed(o, "SET", "OK", false, 2);
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
    lettuce.dispatched(a, null, null);
    lettuce.dispatched(b, null, null);
    lettuce.completed(a, Keyword.GET, "v", false, 1);
    lettuce.failed(b, Keyword.AUTH2);
    assertThat(calls).containsExactly("GET 1/0", "AUTH2 error");
  }

  @Test
  void otherTypeIsNamedByItsToString() {
    Object out = new Object();
    lettuce.dispatched(out, null, null);
    lettuce.completed(out, new StringBuilder("CUSTOM"), "OK", false, 1);
    assertThat(calls).containsExactly("CUSTOM ok");
    assertThat(LettuceRecorder.name(null)).isEqualTo("OTHER");
  }
}
