package dev.cachedb.agent.cache.redis.jedis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.cache.prefix.PrefixScrape;
import dev.cachedb.agent.cache.redis.CommandKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;

/**
 * Reads per key prefix through the Jedis recorder, with both argument forms: 2.9's
 * {@code byte[][]} and 4.0's real {@code CommandArguments}.
 */
class JedisPrefixTest {
  private final PrefixScrape scrape = new PrefixScrape();
  private final JedisPending pending = new JedisPending(scrape.recorder);
  private final Object connection = new Object();

  private void send(String name, Object args, int keys) {
    pending.sent(connection, name, JedisReply.pack(CommandKind.of(name), keys), 0, args);
  }

  private void reply(Object reply) {
    pending.replied(connection, reply, null, 1);
  }

  private static byte[][] raw(String... keys) {
    byte[][] out = new byte[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      out[i] = keys[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static CommandArguments args(Protocol.Command command, String... keys) {
    CommandArguments a = new CommandArguments(command);
    for (String k : keys) {
      a.key(k);
    }
    return a;
  }

  @Test
  void singleKeyReadsCountForTheirPrefix() {
    send("GET", raw("user:1"), 1);
    send("GET", args(Protocol.Command.GET, "user:2"), 1);
    send("HGET", raw("owners::42", "name"), 2);
    send("GET", raw("plain"), 1);
    reply(new byte[] {1});
    reply(null);
    reply(null);
    reply(new byte[] {1});
    assertThat(scrape.lines())
        .containsExactlyInAnyOrder("user hit 1", "user miss 1", "owners miss 1", "none hit 1");
  }

  @Test
  void mgetCountsEachKeyForItsOwnPrefix() {
    send("MGET", raw("user:1", "session:9", "user:2"), 3);
    reply(Arrays.asList(new byte[0], null, null));
    send("MGET", args(Protocol.Command.MGET, "session:1", "owners::3"), 2);
    reply(Arrays.asList(new byte[0], new byte[0]));
    assertThat(scrape.lines())
        .containsExactlyInAnyOrder(
            "user hit 1", "user miss 1", "session miss 1", "session hit 1", "owners hit 1");
  }

  @Test
  void hmgetCountsItsFieldsForItsOneKey() {
    send("HMGET", raw("user:1", "a", "b", "c"), 4);
    reply(Arrays.asList(new byte[0], null, new byte[0]));
    assertThat(scrape.lines()).containsExactlyInAnyOrder("user hit 2", "user miss 1");
  }

  @Test
  void existsOverOnePrefixCountsForItAndOverSeveralForOther() {
    send("EXISTS", raw("user:1", "user:2", "user:3"), 3);
    reply(2L);
    send("EXISTS", args(Protocol.Command.EXISTS, "user:1", "session:2"), 2);
    reply(1L);
    assertThat(scrape.lines())
        .containsExactlyInAnyOrder("user hit 2", "user miss 1", "other hit 1", "other miss 1");
  }

  @Test
  void transactionRepliesCountForTheQueuedKeys() {
    send("MULTI", null, 0);
    send("GET", raw("user:1"), 1);
    send("LRANGE", raw("session:1", "0", "-1"), 3);
    send("EXEC", null, 0);
    reply("OK");
    reply("QUEUED");
    reply("QUEUED");
    reply(Arrays.asList(new byte[0], Collections.emptyList()));
    assertThat(scrape.lines()).containsExactlyInAnyOrder("user hit 1", "session miss 1");
  }

  @Test
  void writesAndErrorsCountNoPrefix() {
    send("SET", raw("user:1", "v"), 2);
    reply("OK");
    send("GET", raw("user:1"), 1);
    pending.replied(connection, null, new RuntimeException("WRONGTYPE"), 1);
    assertThat(scrape.lines()).isEmpty();
  }

  /** Reading the keys of 4.0's arguments (by reflection) and classifying them allocates nothing. */
  @Test
  void steadyStateReadsAllocateNothing() {
    CommandArguments get = args(Protocol.Command.GET, "user:1");
    CommandArguments mget = args(Protocol.Command.MGET, "session:1", "owners::2");
    byte[][] old = raw("user:2");
    java.util.List<Object> values = Arrays.asList(new byte[0], null);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long allocated = Long.MAX_VALUE;
    for (int round = 0; round < 8; round++) {
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 30_000; i++) {
        send("GET", get, 1);
        send("MGET", mget, 2);
        send("GET", old, 1);
        reply(null);
        reply(values);
        reply(old);
      }
      allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
    }
    assertThat(allocated).as("bytes for 90000 reads").isLessThan(1024);
  }
}
