package dev.cachedb.agent.exporter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A test client on a plain socket, to see exactly what goes over the connection. */
final class RawClient implements AutoCloseable {
  final Socket socket = new Socket();
  private final InputStream in;

  RawClient(int port) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    socket.setSoTimeout(5000);
    in = socket.getInputStream();
  }

  RawClient send(String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return this;
  }

  /** One response: the head as text, then {@code Content-Length} bytes of body unless HEAD. */
  Response read(boolean head) throws IOException {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    while (!h.toString("ISO-8859-1").endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + h.toString("ISO-8859-1"));
      }
      h.write(b);
    }
    Response r = new Response(h.toString("ISO-8859-1"));
    int length = Integer.parseInt(r.header("Content-Length"));
    byte[] body = new byte[head ? 0 : length];
    for (int n = 0; n < body.length; ) {
      int k = in.read(body, n, body.length - n);
      if (k < 0) {
        throw new IOException("closed in the body");
      }
      n += k;
    }
    r.body = body;
    return r;
  }

  /** True when the server closed the connection (end of stream) before the read timeout. */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true; // reset
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  static final class Response {
    final String head;
    byte[] body;

    Response(String head) {
      this.head = head;
    }

    int status() {
      return Integer.parseInt(head.substring(9, 12));
    }

    String header(String name) {
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
          return line.substring(name.length() + 1).trim();
        }
      }
      return null;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
