package dev.cachedb.agent.cache.redis;

import dev.cachedb.agent.bootstrap.CacheCalls;
import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.cache.redis.jedis.JedisRecorder;
import dev.cachedb.agent.cache.redis.lettuce.LettuceRecorder;
import java.net.Socket;

/**
 * The recorder behind the Redis-client hooks, installed as {@link CacheCalls#sink}: it hands each
 * client's events to that client's recorder, which pairs replies with commands and records the
 * outcome in a {@link CacheRecorder}. What either throws reaches the advice, which suppresses and
 * counts it ({@code cachedb_agent_advice_errors_total}).
 */
public final class RedisRecorder extends CacheCalls.Sink {
  private final JedisRecorder jedis;
  private final LettuceRecorder lettuce;

  public RedisRecorder(CacheRecorder out) {
    this.jedis = new JedisRecorder(out);
    this.lettuce = new LettuceRecorder(out);
  }

  @Override
  public void jedisSent(
      Object connection, Object command, int size, Object arguments, Socket socket, long start,
      Throwable thrown) {
    jedis.sent(connection, command, size, arguments, socket, start, thrown);
  }

  @Override
  public void jedisReplied(Object connection, Object reply, Throwable thrown) {
    jedis.replied(connection, reply, thrown);
  }

  @Override
  public void jedisBroken(Object connection) {
    jedis.broken(connection);
  }

  @Override
  public void jedisClosing(Object connection) {
    jedis.closing(connection);
  }

  @Override
  public void jedisConnected(Socket socket) {
    jedis.connected(socket);
  }

  @Override
  public void lettuceConnecting(Object uri, String host, int port) {
    lettuce.connecting(uri, host, port);
  }

  @Override
  public void lettuceDispatched(Object output) {
    lettuce.dispatched(output);
  }

  @Override
  public void lettuceElement(Object output, Object value) {
    lettuce.element(output, value);
  }

  @Override
  public void lettuceCompleted(
      Object output, Object type, Object value, boolean errorReply, int keys) {
    lettuce.completed(output, type, value, errorReply, keys);
  }

  @Override
  public void lettuceFailed(Object output, Object type) {
    lettuce.failed(output, type);
  }
}
