package dev.cachedb.agent.bootstrap;

import java.net.Socket;

/**
 * Where the Redis-client hooks ({@link JedisCalls}, {@link LettuceCalls}) hand every event over.
 * The agent installs its recorder in {@link #sink} at start; until then, and when Redis
 * instrumentation is off, calls go to a sink that does nothing.
 *
 * <p>The events are the raw ones advice sees (a command sent, a reply read, a command completed):
 * pairing a reply with its command and deciding hit or miss are the recorder's, in the agent's
 * class loader. Library objects arrive typed {@code Object}; durations are measured from
 * {@link System#nanoTime()} values.
 */
public final class CacheCalls {

  /** The recorder; replaced once at agent start. */
  public static volatile Sink sink = new Sink();

  private CacheCalls() {}

  /** Receives Redis-client events. The base class ignores them. */
  public static class Sink {
    /**
     * A Jedis {@code Connection} sent {@code command} (its {@code Protocol.Command}) or failed to
     * ({@code thrown}); {@code size} counts the command and its arguments, {@code arguments} are
     * 2.9's {@code byte[][]} or 4.0's {@code CommandArguments}; {@code start} is before sending.
     */
    public void jedisSent(
        Object connection, Object command, int size, Object arguments, Socket socket, long start,
        Throwable thrown) {}

    /** A Jedis connection read {@code reply} (or failed to, {@code thrown}). */
    public void jedisReplied(Object connection, Object reply, Throwable thrown) {}

    /** Flushing a Jedis connection failed. */
    public void jedisBroken(Object connection) {}

    /** A Jedis connection is closing. */
    public void jedisClosing(Object connection) {}

    /** A Jedis connection opened {@code socket}. */
    public void jedisConnected(Socket socket) {}

    /** A Lettuce client connects to {@code host:port}; {@code uri} is its {@code RedisURI}. */
    public void lettuceConnecting(Object uri, String host, int port) {}

    /** A Lettuce command whose output is {@code output} was dispatched. */
    public void lettuceDispatched(Object output) {}

    /** The decoder set one bulk value (null for a nil) on {@code output}. */
    public void lettuceElement(Object output, Object value) {}

    /**
     * The command of {@code output} completed with a reply: {@code type} is its
     * {@code ProtocolKeyword}, {@code value} the output's result, {@code errorReply} whether Redis
     * answered with an error, {@code keys} the number of arguments.
     */
    public void lettuceCompleted(
        Object output, Object type, Object value, boolean errorReply, int keys) {}

    /** The command of {@code output} failed without a reply. */
    public void lettuceFailed(Object output, Object type) {}
  }
}
