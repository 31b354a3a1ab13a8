package dev.cachedb.agent.bootstrap;

/**
 * What Lettuce advice calls: {@link #dispatched} when a command enters the connection,
 * {@link #element} for each value the reply decoder hands to the command's output, and
 * {@link #completed} / {@link #failed} when the innermost command completes. Each hook hands over
 * to {@link CacheCalls#sink}, whose recorder times and classifies the command
 * (cache/redis/lettuce).
 *
 * <p>The command's output identifies it: every wrapper Lettuce puts around a command (AsyncCommand,
 * ClusterCommand, the reactive SubscriptionCommand) shares the innermost command's output.
 */
public final class LettuceCalls {

  private LettuceCalls() {}

  /** The application connects to {@code host:port} ({@code uri}: its {@code RedisURI}). */
  public static void connecting(Object uri, String host, int port) {
    CacheCalls.sink.lettuceConnecting(uri, host, port);
  }

  /** A command entered {@code RedisChannelHandler.dispatch}; {@code output} identifies it. */
  public static void dispatched(Object output) {
    CacheCalls.sink.lettuceDispatched(output);
  }

  /** The decoder set one bulk value (null for a nil) on {@code output}. */
  public static void element(Object output, Object value) {
    CacheCalls.sink.lettuceElement(output, value);
  }

  /**
   * The command completed with a reply. {@code type} is the command's {@code ProtocolKeyword},
   * {@code value} the output's result, {@code errorReply} whether Redis answered with an error,
   * {@code keys} the number of arguments (the key count for {@code EXISTS}).
   */
  public static void completed(
      Object output, Object type, Object value, boolean errorReply, int keys) {
    CacheCalls.sink.lettuceCompleted(output, type, value, errorReply, keys);
  }

  /** The command failed without a reply: timeout, cancellation, connection failure. */
  public static void failed(Object output, Object type) {
    CacheCalls.sink.lettuceFailed(output, type);
  }
}
