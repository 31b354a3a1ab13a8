package dev.cachedb.agent.instrumentation.oracle;

import io.lettuce.core.RedisURI;
import io.lettuce.core.protocol.RedisCommand;
import java.nio.ByteBuffer;
import java.util.Collection;

/**
 * Lettuce's advised methods other than the command's: the channel handler's dispatches, an
 * output's {@code set(ByteBuffer)} and the client's standalone connect.
 */
public class LettuceSample {
  public RedisCommand<?, ?, ?> dispatch(RedisCommand<?, ?, ?> command) {
    return Behaviour.result(command);
  }

  public Collection<?> dispatch(Collection<?> commands) {
    return Behaviour.result(commands);
  }

  public void set(ByteBuffer bytes) {
    Behaviour.result(bytes);
  }

  public Object connectStandaloneAsync(Object codec, RedisURI uri, Object timeout) {
    return Behaviour.result(uri);
  }
}
