package dev.cachedb.agent.cache.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisInfoTest {
  private static final String MEMORY =
      "# Memory\r\nused_memory:1032456\r\nused_memory_human:1008.26K\r\nused_memory_rss:9\r\n"
          + "maxmemory:2097152\r\nmaxmemory_human:2.00M\r\nmaxmemory_policy:allkeys-lru\r\n";
  private static final String STATS =
      "# Stats\r\ntotal_commands_processed:77\r\nexpired_keys:20\r\nexpired_stale_perc:0.00\r\n"
          + "expired_time_cap_reached_count:0\r\nevicted_keys:1843\r\nkeyspace_hits:300\r\n"
          + "keyspace_misses:100\r\n";

  @Test
  void readsEveryFieldOfBothSections() throws IOException {
    RedisInfo info = RedisInfo.parse(MEMORY, STATS);
    assertThat(info.usedMemory).isEqualTo(1032456L);
    assertThat(info.maxMemory).isEqualTo(2097152L);
    assertThat(info.keyspaceHits).isEqualTo(300L);
    assertThat(info.keyspaceMisses).isEqualTo(100L);
    assertThat(info.evictedKeys).isEqualTo(1843L);
    assertThat(info.expiredKeys).isEqualTo(20L);
  }

  @Test
  void unlimitedMemoryIsZero() throws IOException {
    assertThat(RedisInfo.parse("used_memory:5\r\nmaxmemory:0\r\n", STATS).maxMemory).isZero();
  }

  @Test
  void aServerBeforeRedis32HasNoMaxmemory() throws IOException {
    RedisInfo info = RedisInfo.parse("# Memory\r\nused_memory:5\r\nused_memory_peak:7\r\n", STATS);
    assertThat(info.usedMemory).isEqualTo(5L);
    assertThat(info.maxMemory).isEqualTo(RedisInfo.ABSENT);
  }

  @Test
  void anEmptyStatsSectionLosesItsSeriesNotThePoll() throws IOException {
    RedisInfo info = RedisInfo.parse(MEMORY, "");
    assertThat(info.usedMemory).isEqualTo(1032456L);
    assertThat(new long[] {info.keyspaceHits, info.keyspaceMisses, info.evictedKeys,
        info.expiredKeys}).containsOnly(RedisInfo.ABSENT);
  }

  @Test
  void withoutUsedMemoryThePollFails() {
    assertThatThrownBy(() -> RedisInfo.parse("# Memory\r\nused_memory_rss:9\r\n", STATS))
        .isInstanceOf(IOException.class)
        .hasMessage("INFO memory had no used_memory");
    assertThatThrownBy(() -> RedisInfo.parse("used_memory:lots\r\n", STATS))
        .isInstanceOf(IOException.class);
  }

  @Test
  void matchesWholeNamesAtALineStart() {
    assertThat(RedisInfo.field("used_memory_rss:9\r\nused_memory:7\r\n", "used_memory"))
        .isEqualTo(7L);
    assertThat(RedisInfo.field("xevicted_keys:9\r\nevicted_keys_other:8\r\n", "evicted_keys"))
        .isEqualTo(RedisInfo.ABSENT);
    assertThat(RedisInfo.field("evicted_keys", "evicted_keys")).isEqualTo(RedisInfo.ABSENT);
  }

  @Test
  void acceptsBareLineFeedsAndALastLineWithoutOne() {
    assertThat(RedisInfo.field("a:1\nexpired_keys:12", "expired_keys")).isEqualTo(12L);
    assertThat(RedisInfo.field("a:1\nexpired_keys:12\n", "expired_keys")).isEqualTo(12L);
  }

  @Test
  void garbageValuesAreAbsentNeverWrong() {
    String[] garbage = {"", "-3", "1.5", "12abc", " 12", "0x10", "99999999999999999999", "\u0661"};
    for (String value : garbage) {
      assertThat(RedisInfo.field("evicted_keys:" + value + "\r\n", "evicted_keys"))
          .as(value).isEqualTo(RedisInfo.ABSENT);
    }
    assertThat(RedisInfo.field("evicted_keys:999999999999999999\r\n", "evicted_keys"))
        .isEqualTo(999999999999999999L);
  }

  @Test
  void readsAPipelinedReplyOnlyOnceItIsComplete() throws IOException {
    byte[] reply = bytes("+OK\r\n" + bulk(MEMORY) + bulk(STATS));
    for (int length = 0; length < reply.length; length++) {
      assertThat(RedisInfoClient.read(reply, length, true)).as("%d bytes", length).isNull();
    }
    RedisInfo info = RedisInfoClient.read(reply, reply.length, true);
    assertThat(info.usedMemory).isEqualTo(1032456L);
    assertThat(info.evictedKeys).isEqualTo(1843L);
  }

  @Test
  void refusalsFailWithoutTheServersText() {
    byte[] authRefused = bytes("-WRONGPASS invalid username-password pair\r\n");
    assertThatThrownBy(() -> RedisInfoClient.read(authRefused, authRefused.length, true))
        .hasMessage("AUTH was refused");
    byte[] infoRefused = bytes(bulk(MEMORY) + "-NOPERM this user has no permissions\r\n");
    assertThatThrownBy(() -> RedisInfoClient.read(infoRefused, infoRefused.length, false))
        .hasMessage("INFO was refused");
    byte[] badLength = bytes("$-5\r\n");
    assertThatThrownBy(() -> RedisInfoClient.read(badLength, badLength.length, false))
        .hasMessage("INFO reply has a bad length");
    byte[] noLength = bytes("$x\r\n");
    assertThatThrownBy(() -> RedisInfoClient.read(noLength, noLength.length, false))
        .hasMessage("INFO reply has no length");
  }

  @Test
  void asksForBothSectionsInOneWriteAfterAuth() {
    java.nio.ByteBuffer request = RedisInfoClient.request("app", "pw".toCharArray());
    assertThat(new String(request.array(), 0, request.limit(), StandardCharsets.UTF_8))
        .isEqualTo("*3\r\n$4\r\nAUTH\r\n$3\r\napp\r\n$2\r\npw\r\n"
            + "*2\r\n$4\r\nINFO\r\n$6\r\nmemory\r\n*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n");
  }

  static String bulk(String text) {
    return "$" + bytes(text).length + "\r\n" + text + "\r\n";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
