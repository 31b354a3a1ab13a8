package dev.cachedb.agent.cache.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of an {@code INFO memory} and {@code INFO stats} read in RESP, spoken directly, so the
 * agent needs no Redis client and never touches the application's connections: the request
 * ({@code AUTH} first when the application's client authenticated, all pipelined into one round
 * trip) and the reading of the reply as it arrives. {@link RedisPoll} moves the bytes. Errors
 * never carry the credentials or the server's text, only what step failed.
 *
 * <p>Why two pipelined commands: {@code INFO memory stats} (several sections in one command) needs
 * Redis 7 and is a syntax error before; {@code INFO} without a section works everywhere but also
 * builds the clients, persistence, replication, CPU, error and keyspace sections, about twice the
 * text (docs/redis-server.md). Two small commands in one write cost one round trip everywhere.
 */
final class RedisInfoClient {
  /** INFO memory and INFO stats are a couple of kilobytes; a reply past this is not theirs. */
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
    command(out, bytes("INFO"), bytes("stats"));
    out.flip();
    return out;
  }

  /**
   * The two sections from the reply bytes {@code [0, length)}, or null while the reply is not
   * complete. {@code auth}: the reply starts with the answer to AUTH.
   */
  static RedisInfo read(byte[] reply, int length, boolean auth) throws IOException {
    int at = 0;
    if (auth) {
      int end = lineEnd(reply, 0, length);
      if (end < 0) {
        return null;
      }
      if (reply[0] != '+') {
        throw new IOException("AUTH was refused");
      }
      at = end;
    }
    int statsAt = bulkEnd(reply, at, length);
    if (statsAt < 0) {
      return null;
    }
    if (bulkEnd(reply, statsAt, length) < 0) {
      return null;
    }
    return RedisInfo.parse(bulkText(reply, at), bulkText(reply, statsAt));
  }

  /** Index just past the bulk string starting at {@code at} and its CRLF, or -1 if incomplete. */
  private static int bulkEnd(byte[] reply, int at, int length) throws IOException {
    int bodyAt = lineEnd(reply, at, length);
    if (bodyAt < 0) {
      return -1;
    }
    int end = bodyAt + bulkSize(reply, at, bodyAt) + 2;
    return end <= length ? end : -1;
  }

  /** The text of the complete bulk string starting at {@code at}. */
  private static String bulkText(byte[] reply, int at) throws IOException {
    int bodyAt = lineEnd(reply, at, reply.length);
    return new String(reply, bodyAt, bulkSize(reply, at, bodyAt), StandardCharsets.UTF_8);
  }

  /** The length the header line {@code [at, bodyAt)} announces. */
  private static int bulkSize(byte[] reply, int at, int bodyAt) throws IOException {
    if (reply[at] != '$') {
      throw new IOException("INFO was refused");
    }
    int size;
    try {
      String header = new String(reply, at + 1, bodyAt - at - 3, StandardCharsets.US_ASCII);
      size = Integer.parseInt(header);
    } catch (NumberFormatException e) {
      throw new IOException("INFO reply has no length");
    }
    if (size < 0 || size > MAX_REPLY_BYTES) {
      throw new IOException("INFO reply has a bad length");
    }
    return size;
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
