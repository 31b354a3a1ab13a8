package dev.cachedb.agent.bootstrap;

import java.util.Collection;
import java.util.Map;

/**
 * What Lettuce advice calls: {@link #dispatched} when a command enters the connection,
 * {@link #element} for each value the reply decoder hands to the command's output, and
 * {@link #completed} / {@link #failed} when the innermost command completes. Every wrapper Lettuce
 * puts around a command (AsyncCommand, ClusterCommand, the reactive SubscriptionCommand) delegates
 * completion to the innermost {@code Command}, and all of them share its output object, which is
 * therefore the key of the in-flight entry: a command is recorded once, by whoever frees its entry.
 *
 * <p>Classification follows the metrics contract. Values are counted as the decoder delivers them
 * rather than read from the finished output, because the reactive API streams elements to its
 * subscriber and leaves the output's own list empty.
 */
public final class LettuceCalls {
  private static final InFlightCommands IN_FLIGHT = new InFlightCommands();

  private LettuceCalls() {}

  /**
   * The application connects to {@code host:port} ({@code uri}: its {@code RedisURI}): the memory
   * poller's server, with the credentials the URI carries.
   */
  public static void connecting(Object uri, String host, int port) {
    LettuceCredentials.noted(uri, host, port);
  }

  /** A command entered {@code RedisChannelHandler.dispatch}; {@code output} identifies it. */
  public static void dispatched(Object output) {
    if (output != null) {
      IN_FLIGHT.start(output, System.nanoTime());
    }
  }

  /** The decoder set one bulk value (null for a nil) on {@code output}. */
  public static void element(Object output, Object value) {
    int slot = IN_FLIGHT.find(output);
    if (slot >= 0) {
      IN_FLIGHT.element(slot, value != null);
    }
  }

  /**
   * The command completed with a reply. {@code command} is Lettuce's constant upper-case name,
   * {@code value} the output's result, {@code errorReply} whether Redis answered with an error,
   * {@code keys} the number of arguments (the key count for {@code EXISTS}).
   */
  public static void completed(
      Object output, String command, Object value, boolean errorReply, int keys) {
    int slot = IN_FLIGHT.find(output);
    if (slot < 0) {
      return;
    }
    long nanos = System.nanoTime() - IN_FLIGHT.start(slot);
    int present = IN_FLIGHT.present(slot);
    int absent = IN_FLIGHT.absent(slot);
    if (!IN_FLIGHT.finish(slot, output)) {
      return;
    }
    CacheCalls.Sink sink = CacheCalls.sink;
    if (errorReply) {
      sink.error(command, nanos);
      return;
    }
    switch (command) {
      case "GET":
      case "GETEX":
      case "GETDEL":
      case "HGET":
      case "LINDEX":
      case "ZSCORE":
        sink.read(command, value != null ? 1 : 0, value != null ? 0 : 1, nanos);
        break;
      case "HGETALL":
      case "SMEMBERS":
      case "LRANGE":
      case "ZRANGE":
        boolean hit = present > 0 || notEmpty(value);
        sink.read(command, hit ? 1 : 0, hit ? 0 : 1, nanos);
        break;
      case "MGET":
      case "HMGET":
        sink.read(command, present, absent, nanos);
        break;
      case "EXISTS":
        int found = value instanceof Long ? (int) Math.min(keys, (Long) value) : 0;
        sink.read(command, found, keys - found, nanos);
        break;
      default:
        sink.success(command, nanos);
    }
  }

  /** The command failed without a reply: timeout, cancellation, connection failure. */
  public static void failed(Object output, String command) {
    int slot = IN_FLIGHT.find(output);
    if (slot < 0) {
      return;
    }
    long nanos = System.nanoTime() - IN_FLIGHT.start(slot);
    if (IN_FLIGHT.finish(slot, output)) {
      CacheCalls.sink.error(command, nanos);
    }
  }

  private static boolean notEmpty(Object value) {
    if (value instanceof Collection) {
      return !((Collection<?>) value).isEmpty();
    }
    if (value instanceof Map) {
      return !((Map<?, ?>) value).isEmpty();
    }
    return false;
  }
}
