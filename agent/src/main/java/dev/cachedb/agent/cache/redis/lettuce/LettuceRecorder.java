package dev.cachedb.agent.cache.redis.lettuce;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.cache.redis.CommandKind;
import dev.cachedb.agent.cache.redis.PrefixReads;

/**
 * Records Lettuce commands from what the hooks report, installed as {@link LettuceCalls#sink}: a
 * command is timed from dispatch to completion in {@link InFlightCommands}, keyed by its output,
 * which every wrapper shares with the innermost command, so a command is recorded once, by whoever
 * frees its entry.
 *
 * <p>Values are counted as the decoder delivers them rather than read from the finished output,
 * because the reactive API streams elements to its subscriber and leaves the output's own list
 * empty.
 *
 * <p>The command's type arrives as Lettuce's {@code ProtocolKeyword}, typed {@code Object}, and
 * its name is derived here from JDK members only: {@code ProtocolKeyword.name()} is missing from
 * 6.5 to 6.7, and advice that called it threw on every completion there.
 */
public final class LettuceRecorder extends LettuceCalls.Sink {
  private final CacheRecorder out;
  private final InFlightCommands inFlight = new InFlightCommands();

  public LettuceRecorder(CacheRecorder out) {
    this.out = out;
  }

  /** The memory poller's server, with the credentials the {@code RedisURI} carries. */
  @Override
  public void connecting(Object uri, String host, int port) {
    LettuceCredentials.noted(out, uri, host, port);
  }

  @Override
  public void dispatched(Object output, Object type, Object args) {
    if (output == null) {
      return;
    }
    Object readArgs = null;
    boolean perKey = false;
    if (out.countsPrefixes() && args != null) {
      String command = name(type);
      if (CommandKind.isRead(CommandKind.of(command))) {
        readArgs = args; // the reply decides each key's hit or miss
        perKey = PrefixReads.perKey(command);
      }
    }
    inFlight.start(output, System.nanoTime(), readArgs, perKey);
  }

  @Override
  public void element(Object output, Object value) {
    int slot = inFlight.find(output);
    if (slot >= 0) {
      boolean present = value != null;
      int index = inFlight.element(slot, present);
      PrefixReads.element(out, LettuceKeys.INSTANCE, inFlight.perKeyArgs(slot), index, present);
    }
  }

  @Override
  public void completed(Object output, Object type, Object value, boolean errorReply, int keys) {
    int slot = inFlight.find(output);
    if (slot < 0) {
      return;
    }
    long nanos = System.nanoTime() - inFlight.start(slot);
    int present = inFlight.present(slot);
    int absent = inFlight.absent(slot);
    Object args = inFlight.args(slot);
    if (!inFlight.finish(slot, output)) {
      return;
    }
    String command = name(type);
    if (errorReply) {
      out.error(command, nanos);
    } else {
      CommandKind.record(
          out, command, CommandKind.of(command), keys, value, present, absent, nanos,
          LettuceKeys.INSTANCE, args);
    }
  }

  @Override
  public void failed(Object output, Object type) {
    int slot = inFlight.find(output);
    if (slot < 0) {
      return;
    }
    long nanos = System.nanoTime() - inFlight.start(slot);
    if (inFlight.finish(slot, output)) {
      out.error(name(type), nanos);
    }
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
}
