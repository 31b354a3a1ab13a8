package dev.cachedb.agent.bootstrap;

/**
 * What Lettuce advice calls: {@link #dispatched} when a command enters the connection,
 * {@link #element} for each value the reply decoder hands to the command's output, and
 * {@link #completed} / {@link #failed} when the innermost command completes. Each hook hands over
 * to {@link #sink}, whose recorder times and classifies the command (cache/redis/lettuce).
 *
 * <p>The command's output identifies it: every wrapper Lettuce puts around a command (AsyncCommand,
 * ClusterCommand, the reactive SubscriptionCommand) shares the innermost command's output.
 */
public final class LettuceCalls {

  /** The recorder, installed once at agent start; until then, and with Redis off, a no-op. */
  public static volatile Sink sink = new Sink();

  private LettuceCalls() {}

  /** The application connects to {@code host:port} ({@code uri}: its {@code RedisURI}). */
  public static void connecting(Object uri, String host, int port) {
    sink.connecting(uri, host, port);
  }

  /**
   * A command entered {@code RedisChannelHandler.dispatch}; {@code output} identifies it, {@code
   * type} is its {@code ProtocolKeyword} and {@code args} its {@code CommandArgs} (the keys).
   */
  public static void dispatched(Object output, Object type, Object args) {
    sink.dispatched(output, type, args);
  }

  /** The decoder set one bulk value (null for a nil) on {@code output}. */
  public static void element(Object output, Object value) {
    sink.element(output, value);
  }

  /**
   * The command completed with a reply. {@code type} is the command's {@code ProtocolKeyword},
   * {@code value} the output's result, {@code errorReply} whether Redis answered with an error,
   * {@code keys} the number of arguments (the key count for {@code EXISTS}).
   */
  public static void completed(
      Object output, Object type, Object value, boolean errorReply, int keys) {
    sink.completed(output, type, value, errorReply, keys);
  }

  /** The command failed without a reply: timeout, cancellation, connection failure. */
  public static void failed(Object output, Object type) {
    sink.failed(output, type);
  }

  /** Receives Lettuce events. The base class ignores them. */
  public static class Sink {
    /** A client connects to {@code host:port}; {@code uri} is its {@code RedisURI}. */
    public void connecting(Object uri, String host, int port) {}

    /** The command whose output is {@code output} was dispatched. */
    public void dispatched(Object output, Object type, Object args) {}

    /** The decoder set one bulk value (null for a nil) on {@code output}. */
    public void element(Object output, Object value) {}

    /**
     * The command of {@code output} completed with a reply: {@code type} is its
     * {@code ProtocolKeyword}, {@code value} the output's result, {@code errorReply} whether Redis
     * answered with an error, {@code keys} the number of arguments.
     */
    public void completed(
        Object output, Object type, Object value, boolean errorReply, int keys) {}

    /** The command of {@code output} failed without a reply. */
    public void failed(Object output, Object type) {}
  }
}
