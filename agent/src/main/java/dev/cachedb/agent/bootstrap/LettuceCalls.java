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
 *
 * <p>The command's type arrives as Lettuce's {@code ProtocolKeyword}, typed {@code Object}, and
 * its name is derived here from JDK members only: {@code ProtocolKeyword.name()} is missing from
 * 6.5 to 6.7, and advice that called it threw on every completion there.
 */
public final class LettuceCalls {
  /**
   * TEST ONLY, not for users and left out of the README: with this system property {@code true},
   * {@link #completed} and {@link #failed} throw before they free anything, as the advice did on
   * Lettuce 6.5 to 6.7. A retention test uses it to prove that a completion path that fails keeps
   * no reply alive. Read once: the JIT removes the check when it is off.
   */
  static final String FAIL_COMPLETION_PROPERTY = "dev.cachedb.agent.test.failLettuceCompletion";

  private static final boolean FAIL_COMPLETION = Boolean.getBoolean(FAIL_COMPLETION_PROPERTY);
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
   * The command completed with a reply. {@code type} is the command's {@code ProtocolKeyword},
   * {@code value} the output's result, {@code errorReply} whether Redis answered with an error,
   * {@code keys} the number of arguments (the key count for {@code EXISTS}).
   */
  public static void completed(
      Object output, Object type, Object value, boolean errorReply, int keys) {
    int slot = completing(output);
    if (slot < 0) {
      return;
    }
    long nanos = System.nanoTime() - IN_FLIGHT.start(slot);
    int present = IN_FLIGHT.present(slot);
    int absent = IN_FLIGHT.absent(slot);
    if (!IN_FLIGHT.finish(slot, output)) {
      return;
    }
    String command = name(type);
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
  public static void failed(Object output, Object type) {
    int slot = completing(output);
    if (slot < 0) {
      return;
    }
    long nanos = System.nanoTime() - IN_FLIGHT.start(slot);
    if (IN_FLIGHT.finish(slot, output)) {
      CacheCalls.sink.error(name(type), nanos);
    }
  }

  /** The in-flight slot of a command that is completing, -1 if none; throws under the switch. */
  private static int completing(Object output) {
    if (FAIL_COMPLETION) {
      throw new IllegalStateException(FAIL_COMPLETION_PROPERTY);
    }
    return IN_FLIGHT.find(output);
  }

  /**
   * The upper-case command name, allocation-free for Lettuce's own {@code CommandType}: an enum in
   * every version, whose {@code Enum.name()} is the constant's name. Any other keyword (a custom
   * command) is named by its {@code toString()}, which {@code ProtocolKeyword} declares from 6.5.
   */
  static String name(Object type) {
    if (type instanceof Enum) {
      return ((Enum<?>) type).name();
    }
    return type == null ? "OTHER" : type.toString();
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
