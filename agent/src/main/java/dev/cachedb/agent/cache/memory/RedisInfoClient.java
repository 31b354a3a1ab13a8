package dev.cachedb.agent.cache.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of an {@code INFO memory} read in RESP, spoken directly, so the agent needs no Redis
 * client and never touches the application's connections: the request ({@code AUTH} first when
 * the application's client authenticated, pipelined) and the reading of the reply as it arrives.
 * {@link RedisPoll} moves the bytes. Errors never carry the credentials or the server's text, only
 * what step failed.
 */
final class RedisInfoClient {
  /** INFO memory is a couple of kilobytes; a reply past this is not one. */
  static final int MAX_REPLY_BYTES = 64 * 1024;

  private RedisInfoClient() {}

  /** The request; the caller zeroes it once sent, since it may hold the password. */
  static ByteBuffer request(String user, char[] password) {
    ByteBuffer out = ByteBuffer.allocate(128 + (password == null ? 0 : 4 * password.length)
        + (user == null ? 0 : 4 * user.length()));
    if (password != null) {
      byte[] secret = utf8(password);
      try {
        if (user == null) {
          command(out, bytes("AUTH"), secret);
        } else {
          command(out, bytes("AUTH"), bytes(user), secret);
        }
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    }
    command(out, bytes("INFO"), bytes("memory"));
    out.flip();
    return out;
  }

  /**
   * {@code used_memory} from the reply bytes {@code [0, length)}, or -1 while the reply is not
   * complete. {@code auth}: the reply starts with the answer to AUTH.
   */
  static long usedMemory(byte[] reply, int length, boolean auth) throws IOException {
    int at = 0;
    if (auth) {
      int end = lineEnd(reply, 0, length);
      if (end < 0) {
        return -1;
      }
      if (reply[0] != '+') {
        throw new IOException("AUTH was refused");
      }
      at = end;
    }
    int end = lineEnd(reply, at, length);
    if (end < 0) {
      return -1;
    }
    if (reply[at] != '$') {
      throw new IOException("INFO was refused");
    }
    int size;
    try {
      size = Integer.parseInt(new String(reply, at + 1, end - at - 3, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      throw new IOException("INFO reply has no length");
    }
    if (size < 0 || size > MAX_REPLY_BYTES) {
      throw new IOException("INFO reply has a bad length");
    }
    if (length - end < size) {
      return -1;
    }
    return parseUsedMemory(new String(reply, end, size, StandardCharsets.UTF_8));
  }

  /** The value of the {@code used_memory:} line of an INFO reply. */
  static long parseUsedMemory(String info) throws IOException {
    for (String l : info.split("\r?\n")) {
      if (l.startsWith("used_memory:")) {
        try {
          return Long.parseLong(l.substring("used_memory:".length()).trim());
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    throw new IOException("INFO memory had no used_memory");
  }

  /** Index just past the CRLF that ends the line starting at {@code from}, or -1. */
  private static int lineEnd(byte[] b, int from, int length) {
    for (int i = from + 1; i < length; i++) {
      if (b[i] == '\n' && b[i - 1] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  private static void command(ByteBuffer out, byte[]... args) {
    out.put(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (byte[] a : args) {
      out.put(('$' + Integer.toString(a.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.put(a).put((byte) '\r').put((byte) '\n');
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] utf8(char[] chars) {
    ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
    Arrays.fill(b.array(), (byte) 0);
    return out;
  }
}
