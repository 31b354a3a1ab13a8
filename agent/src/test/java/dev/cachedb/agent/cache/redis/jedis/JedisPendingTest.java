package dev.cachedb.agent.cache.redis.jedis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.cache.redis.CommandKind;
import dev.cachedb.agent.cache.redis.Outcomes;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairs sends with replies in FIFO order per connection and classifies as the contract says. */
class JedisPendingTest {
  private final Outcomes outcomes = new Outcomes();
  private final List<String> recorded = outcomes.recorded;
  private final Object connection = new Object();
  private final JedisPending pending = new JedisPending(outcomes);

  private void send(String name, int keys) {
    pending.sent(connection, name, JedisReply.pack(CommandKind.of(name), keys), 0, null);
  }

  private void reply(Object reply) {
    pending.replied(connection, reply, null, 1);
  }

  @Test
  void missOnNilReply() {
    send("GET", 1);
    send("GET", 1);
    reply(new byte[] {1});
    reply(null);
    assertThat(recorded).containsExactly("GET 1/0", "GET 0/1");
  }

  @Test
  void emptyHashIsAMiss() {
    send("HGETALL", 1);
    reply(Collections.emptyList());
    assertThat(recorded).containsExactly("HGETALL 0/1");
  }

  @Test
  void mgetCountsEachKey() {
    send("MGET", 3);
    reply(Arrays.asList(new byte[0], null, new byte[0]));
    assertThat(recorded).containsExactly("MGET 2/1");
  }

  @Test
  void existsCountsTheKeysNotFoundAsMisses() {
    send("EXISTS", 3);
    reply(2L);
    assertThat(recorded).containsExactly("EXISTS 2/1");
  }

  @Test
  void transactionRepliesComeFromExec() {
    send("MULTI", 0);
    send("SET", 1);
    send("GET", 1);
    send("EXEC", 0);
    reply("OK".getBytes());
    reply("QUEUED".getBytes());
    reply("QUEUED".getBytes());
    reply(Arrays.asList("OK".getBytes(), null));
    assertThat(recorded).containsExactly("MULTI ok", "EXEC ok", "SET ok", "GET 0/1");
  }

  @Test
  void errorReplyIsAnErrorAndTheConnectionStaysPaired() {
    send("HGET", 1);
    send("GET", 1);
    pending.replied(connection, null, new IllegalStateException("WRONGTYPE"), 1);
    reply(new byte[0]);
    assertThat(recorded).containsExactly("HGET error", "GET 1/0");
  }

  @Test
  void brokenConnectionFailsEverythingStillOwed() {
    send("GET", 1);
    send("SET", 1);
    pending.replied(connection, null, new FakeConnectionException(), 1);
    assertThat(recorded).containsExactly("GET error", "SET error");
  }

  @Test
  void repliesNobodyAskedForAreIgnored() {
    reply(new byte[0]);
    assertThat(recorded).isEmpty();
  }

  @Test
  void deepPipelinesGrowTheQueue() {
    for (int i = 0; i < 1000; i++) {
      send("GET", 1);
    }
    for (int i = 0; i < 1000; i++) {
      reply(i % 2 == 0 ? null : new byte[0]);
    }
    assertThat(recorded).hasSize(1000);
    assertThat(recorded.get(0)).isEqualTo("GET 0/1");
    assertThat(recorded.get(999)).isEqualTo("GET 1/0");
  }

  static final class FakeConnectionException extends RuntimeException {}
}
