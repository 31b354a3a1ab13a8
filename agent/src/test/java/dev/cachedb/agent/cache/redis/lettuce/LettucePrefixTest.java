package dev.cachedb.agent.cache.redis.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.cache.prefix.PrefixScrape;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Reads per key prefix through the Lettuce recorder, with real {@code CommandArgs}. */
class LettucePrefixTest {
  private final PrefixScrape scrape = new PrefixScrape();
  private final LettuceRecorder lettuce = new LettuceRecorder(scrape.recorder);

  private static CommandArgs<String, String> args(String... keys) {
    CommandArgs<String, String> a = new CommandArgs<>(StringCodec.UTF8);
    for (String k : keys) {
      a.addKey(k);
    }
    return a;
  }

  @Test
  void singleKeyReadsCountForTheirPrefix() {
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    lettuce.dispatched(a, CommandType.GET, args("user:1"));
    lettuce.dispatched(b, CommandType.HGETALL, args("owners::7"));
    CommandArgs<byte[], byte[]> binary =
        new CommandArgs<>(ByteArrayCodec.INSTANCE)
            .addKey("session:1".getBytes(StandardCharsets.UTF_8));
    lettuce.dispatched(c, CommandType.GET, binary);
    lettuce.completed(a, CommandType.GET, "v", false, 1);
    lettuce.completed(b, CommandType.HGETALL, Collections.emptyMap(), false, 1);
    lettuce.completed(c, CommandType.GET, null, false, 1);
    assertThat(scrape.lines())
        .containsExactlyInAnyOrder("user hit 1", "owners miss 1", "session miss 1");
  }

  @Test
  void mgetCountsEachDecodedValueForItsKey() {
    Object out = new Object();
    lettuce.dispatched(out, CommandType.MGET, args("user:1", "session:2", "user:3"));
    lettuce.element(out, "v");
    lettuce.element(out, null);
    lettuce.element(out, null);
    lettuce.completed(out, CommandType.MGET, Collections.emptyList(), false, 3);
    assertThat(scrape.lines())
        .containsExactlyInAnyOrder("user hit 1", "session miss 1", "user miss 1");
  }

  @Test
  void existsOverSeveralPrefixesCountsForOther() {
    Object out = new Object();
    lettuce.dispatched(out, CommandType.EXISTS, args("user:1", "session:2"));
    lettuce.completed(out, CommandType.EXISTS, 1L, false, 2);
    assertThat(scrape.lines()).containsExactlyInAnyOrder("other hit 1", "other miss 1");
  }

  @Test
  void writesAndFailuresCountNoPrefix() {
    Object set = new Object();
    Object get = new Object();
    lettuce.dispatched(set, CommandType.SET, args("user:1"));
    lettuce.completed(set, CommandType.SET, "OK", false, 2);
    lettuce.dispatched(get, CommandType.GET, args("user:1"));
    lettuce.failed(get, CommandType.GET);
    assertThat(scrape.lines()).isEmpty();
  }
}
