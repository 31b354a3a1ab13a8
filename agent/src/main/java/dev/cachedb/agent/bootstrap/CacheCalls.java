package dev.cachedb.agent.bootstrap;

/**
 * What Redis-client advice calls when a command's reply (or failure) is in hand. The agent
 * installs its recorder in {@link #sink} at start; until then, and when Redis instrumentation is
 * off, calls go to a sink that does nothing.
 *
 * <p>{@code command} is the Redis command name in any case ({@code "GET"} from Jedis' enum,
 * {@code "get"} elsewhere); pass a string the client already holds (an enum constant's name), not
 * one built per call, so the hot path allocates nothing. Durations are {@link System#nanoTime()}
 * differences.
 */
public final class CacheCalls {

  /** The recorder; replaced once at agent start. */
  public static volatile Sink sink = new Sink();

  private CacheCalls() {}

  /** Receives finished commands. The base class ignores them. */
  public static class Sink {
    /** A read classified per key: {@code hits} and {@code misses} as the metrics contract says. */
    public void read(String command, int hits, int misses, long nanos) {}

    /** Any other command that got a reply. */
    public void success(String command, long nanos) {}

    /** An error reply, a timeout, a connection failure. */
    public void error(String command, long nanos) {}

    /** A Redis server the application talks to, and the credentials its client uses (may be null). */
    public void server(String host, int port, String user, char[] password) {}
  }
}
