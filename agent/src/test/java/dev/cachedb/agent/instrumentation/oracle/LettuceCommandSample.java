package dev.cachedb.agent.instrumentation.oracle;

import dev.cachedb.agent.bootstrap.LettuceCalls;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * A Lettuce {@code Command} of its own, so that the advice's casts and calls are real; dispatched
 * (to the hook, as the channel handler's advice would) when made, so its completion is recorded.
 */
public class LettuceCommandSample
    extends io.lettuce.core.protocol.Command<String, String, String> {
  public LettuceCommandSample() {
    super(CommandType.GET, new ValueOutput<>(StringCodec.UTF8),
        new CommandArgs<>(StringCodec.UTF8).addKey("k"));
    try {
      LettuceCalls.dispatched(getOutput(), getType(), getArgs());
    } catch (RuntimeException recorderFailed) {
      // as the dispatch advice would suppress it: the test's recorder may be set to throw
    }
  }

  @Override
  public void complete() {
    Behaviour.result(this);
  }

  @Override
  public boolean completeExceptionally(Throwable throwable) {
    return Behaviour.result(true);
  }

  @Override
  public void cancel() {
    Behaviour.result(this);
  }
}
