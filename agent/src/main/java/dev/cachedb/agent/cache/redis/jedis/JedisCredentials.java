package dev.cachedb.agent.cache.redis.jedis;

import dev.cachedb.agent.cache.CacheRecorder;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Notes the credentials a Jedis connection authenticates with ({@code AUTH [user] password}, or
 * {@code HELLO ... AUTH user password}), so that the memory poller can log in as the application
 * does. They go to the recorder as a char array and are never turned into a String or logged.
 */
final class JedisCredentials {

  private JedisCredentials() {}

  static void noted(CacheRecorder out, String command, byte[][] args, Socket socket) {
    if (args == null || socket == null) {
      return;
    }
    SocketAddress address = socket.getRemoteSocketAddress();
    if (!(address instanceof InetSocketAddress)) {
      return;
    }
    byte[] user = null;
    byte[] password = null;
    if (command.equals("AUTH")) {
      if (args.length == 1) {
        password = args[0];
      } else if (args.length == 2) {
        user = args[0];
        password = args[1];
      }
    } else { // HELLO protover [AUTH username password] [SETNAME clientname]
      for (int i = 1; i + 2 < args.length; i++) {
        if (isAuth(args[i])) {
          user = args[i + 1];
          password = args[i + 2];
          break;
        }
      }
    }
    if (password == null) {
      return;
    }
    InetSocketAddress a = (InetSocketAddress) address;
    out.server(
        a.getHostString(), a.getPort(),
        user == null ? null : new String(user, StandardCharsets.UTF_8), chars(password));
  }

  private static boolean isAuth(byte[] arg) {
    return arg != null && arg.length == 4 && (arg[0] | 0x20) == 'a' && (arg[1] | 0x20) == 'u'
        && (arg[2] | 0x20) == 't' && (arg[3] | 0x20) == 'h';
  }

  private static char[] chars(byte[] bytes) {
    CharBuffer buffer = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    char[] out = Arrays.copyOf(buffer.array(), buffer.limit());
    Arrays.fill(buffer.array(), '\0');
    return out;
  }
}
