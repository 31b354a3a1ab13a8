package dev.cachedb.agent.exporter.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses an HTTP/1.x request head (request line and headers) from the bytes read so far. The
 * buffer's capacity is the head's size limit: a head that does not end within it is refused with
 * 431, so a client cannot make the agent hold more than that per connection. Any other head it
 * cannot read is a {@link BadRequest} with 400, never another exception ({@code
 * RequestParserFuzzTest}).
 */
final class RequestParser {

  /** A request the server answers with {@link #status} and then closes the connection. */
  static final class BadRequest extends Exception {
    final int status;

    BadRequest(int status) {
      super(null, null, false, false); // thrown per bad request: no stack trace needed
      this.status = status;
    }
  }

  private RequestParser() {}

  /**
   * The request whose head is complete in {@code in} (in write mode: bytes in [0, position)), with
   * its bytes consumed; null when more bytes are needed.
   */
  static HttpRequest parse(ByteBuffer in) throws BadRequest {
    int end = headEnd(in.array(), in.position());
    if (end < 0) {
      if (!in.hasRemaining()) {
        throw new BadRequest(431);
      }
      return null;
    }
    String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
    in.flip().position(end);
    in.compact(); // keeps a pipelined next request, if any
    return parse(head.split("\r?\n"));
  }

  /** Index just past the blank line that ends the head, or -1. Bare LF is accepted (RFC 9112). */
  private static int headEnd(byte[] b, int length) {
    for (int i = 1; i < length; i++) {
      if (b[i] == '\n' && (b[i - 1] == '\n' || i > 1 && b[i - 1] == '\r' && b[i - 2] == '\n')) {
        return i + 1;
      }
    }
    return -1;
  }

  private static HttpRequest parse(String[] lines) throws BadRequest {
    if (lines.length == 0) {
      throw new BadRequest(400); // an empty head: split drops the trailing empty lines
    }
    String[] requestLine = lines[0].split(" ", -1);
    if (requestLine.length != 3
        || requestLine[0].isEmpty()
        || !requestLine[2].startsWith("HTTP/1.")) {
      throw new BadRequest(400);
    }
    Map<String, List<String>> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw new BadRequest(400); // no name, or an obsolete folded line
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(line.substring(colon + 1).trim());
    }
    String target = originForm(requestLine[1]);
    int q = target.indexOf('?');
    return new HttpRequest(
        requestLine[0],
        q < 0 ? target : target.substring(0, q),
        q < 0 ? null : target.substring(q + 1),
        !requestLine[2].equals("HTTP/1.0"),
        headers);
  }

  /** The path and query of a target, also when a client sends the absolute form. */
  private static String originForm(String target) throws BadRequest {
    if (target.startsWith("/")) {
      return target;
    }
    int scheme = target.indexOf("://");
    if (scheme > 0) {
      int slash = target.indexOf('/', scheme + 3);
      return slash < 0 ? "/" : target.substring(slash);
    }
    throw new BadRequest(400);
  }
}
