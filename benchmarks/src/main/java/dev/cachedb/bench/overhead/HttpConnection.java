package dev.cachedb.bench.overhead;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, one request at a time: enough HTTP for a Spring Boot
 * service's JSON answers (Content-Length or chunked bodies), nothing more. Reads through its own
 * buffer, not a BufferedInputStream's synchronized read per byte: the load generator shares a
 * CPU with PostgreSQL and Redis and must stay light.
 */
final class HttpConnection implements AutoCloseable {
  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;

  HttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Sends one request and reads its whole answer; reconnects first if the server closed. */
  Response send(String method, String path) throws IOException {
    if (socket == null) {
      open();
    }
    String request =
        method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
            + ("POST".equals(method) ? "Content-Length: 0\r\n" : "") + "\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String statusLine = readLine();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      String lower = header.toLowerCase();
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        copy(size, body);
        readLine();
      }
      readLine();
    } else if (length > 0) {
      copy(length, body);
    }
    if (close) {
      close();
    }
    return new Response(status, body.toString(StandardCharsets.UTF_8));
  }

  record Response(int status, String body) {}

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    position = 0;
    limit = 0;
  }

  private int chunkSize() throws IOException {
    String line = readLine();
    int semicolon = line.indexOf(';');
    return Integer.parseInt(semicolon < 0 ? line.trim() : line.substring(0, semicolon), 16);
  }

  private void copy(long n, ByteArrayOutputStream to) throws IOException {
    while (n > 0) {
      if (position == limit) {
        fill();
      }
      int chunk = (int) Math.min(n, limit - position);
      to.write(buffer, position, chunk);
      position += chunk;
      n -= chunk;
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = readByte(); b != '\n'; b = readByte()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private int readByte() throws IOException {
    if (position == limit) {
      fill();
    }
    return buffer[position++] & 0xff;
  }

  private void fill() throws IOException {
    int n = in.read(buffer);
    if (n < 0) {
      throw new EOFException("connection closed by the server");
    }
    position = 0;
    limit = n;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
