package dev.cachedb.agent.cache.memory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads {@code used_memory} from a Redis server over a connection of its own, speaking RESP
 * directly, so the agent needs no Redis client and never touches the application's connections.
 * Errors never carry the credentials or the server's text, only what step failed.
 */
final class RedisInfoClient {

  private RedisInfoClient() {}

  static long usedMemory(String host, int port, String user, char[] password, int timeoutMillis)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      InputStream in = new BufferedInputStream(socket.getInputStream());
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
        if (!line(in).startsWith("+")) {
          throw new IOException("AUTH was refused");
        }
      }
      command(out, bytes("INFO"), bytes("memory"));
      return parseUsedMemory(bulk(in));
    }
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

  private static void command(OutputStream out, byte[]... args) throws IOException {
    out.write(('*' + Integer.toString(args.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (byte[] a : args) {
      out.write(('$' + Integer.toString(a.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(a);
      out.write('\r');
      out.write('\n');
    }
    out.flush();
  }

  private static String bulk(InputStream in) throws IOException {
    String header = line(in);
    if (!header.startsWith("$")) {
      throw new IOException("INFO was refused");
    }
    int length = Integer.parseInt(header.substring(1));
    byte[] body = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        throw new EOFException("connection closed during INFO");
      }
      read += n;
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        buf.write(c);
      }
    }
    return new String(buf.toByteArray(), StandardCharsets.UTF_8);
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
