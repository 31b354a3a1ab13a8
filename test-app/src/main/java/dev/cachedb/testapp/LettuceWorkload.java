package dev.cachedb.testapp;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis cache read through Lettuce's three APIs, the way a service mixes them: each round, per
 * API (sync, async, reactive), one SET, 7 GETs of present keys, 3 of absent ones, and one MGET of
 * 3 keys of which 2 are present. Per round: get hit 21, miss 9; mget hit 6, miss 3; set 3.
 */
final class LettuceWorkload implements Workload {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final String host;
  private final int port;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  LettuceWorkload(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    this.host = hostAndPort.substring(0, colon);
    this.port = Integer.parseInt(hostAndPort.substring(colon + 1));
  }

  @Override
  public String name() {
    return "lettuce";
  }

  @Override
  public void setUp() {
    client = RedisClient.create(RedisURI.create(host, port));
    connection = client.connect();
    for (int i = 0; i < 7; i++) {
      connection.sync().set("testapp:lettuce:present:" + i, "value-" + i);
    }
    for (int i = 0; i < 3; i++) {
      connection.sync().del("testapp:lettuce:absent:" + i);
    }
  }

  @Override
  public void runOnce() throws Exception {
    RedisCommands<String, String> sync = connection.sync();
    sync.set("testapp:lettuce:present:0", "value-0");
    for (int i = 0; i < 7; i++) {
      sync.get("testapp:lettuce:present:" + i);
    }
    for (int i = 0; i < 3; i++) {
      sync.get("testapp:lettuce:absent:" + i);
    }
    sync.mget("testapp:lettuce:present:0", "testapp:lettuce:present:1", "testapp:lettuce:absent:0");

    RedisAsyncCommands<String, String> async = connection.async();
    async.set("testapp:lettuce:present:0", "value-0").get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 7; i++) {
      async.get("testapp:lettuce:present:" + i).get(5, TimeUnit.SECONDS);
    }
    for (int i = 0; i < 3; i++) {
      async.get("testapp:lettuce:absent:" + i).get(5, TimeUnit.SECONDS);
    }
    async.mget("testapp:lettuce:present:0", "testapp:lettuce:present:1", "testapp:lettuce:absent:0")
        .get(5, TimeUnit.SECONDS);

    RedisReactiveCommands<String, String> reactive = connection.reactive();
    reactive.set("testapp:lettuce:present:0", "value-0").block(WAIT);
    for (int i = 0; i < 7; i++) {
      reactive.get("testapp:lettuce:present:" + i).block(WAIT);
    }
    for (int i = 0; i < 3; i++) {
      reactive.get("testapp:lettuce:absent:" + i).block(WAIT);
    }
    List<KeyValue<String, String>> values =
        reactive
            .mget("testapp:lettuce:present:0", "testapp:lettuce:present:1", "testapp:lettuce:absent:0")
            .collectList()
            .block(WAIT);
    if (values == null || values.size() != 3) {
      throw new IllegalStateException("mget returned " + values);
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.shutdown();
    }
  }
}
