package dev.cachedb.agent.exporter.http;

import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response built in memory and then written without blocking. The body is buffered whole, so
 * it is sent with a Content-Length (never chunked), and a connection's whole pending output is
 * this one response.
 */
final class HttpResponse implements PrometheusHttpResponse {
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Body body = new Body();
  private int status;

  HttpResponse() {}

  HttpResponse(int status, String contentType, byte[] content) {
    this.status = status;
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    body.write(content, 0, content.length);
  }

  @Override
  public void setHeader(String name, String value) {
    headers.put(name, value);
  }

  /** The length argument is the JDK server's (0 unknown, -1 none): ignored, the body is buffered. */
  @Override
  public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
    if (status != 0) {
      throw new IOException("a response was already sent for this request");
    }
    status = statusCode;
    return body;
  }

  boolean sent() {
    return status != 0;
  }

  /** Status line, headers and (unless {@code head}) body, ready for a gathering write. */
  ByteBuffer[] encode(boolean head, boolean close) {
    StringBuilder sb = new StringBuilder(160);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (!headers.containsKey("Content-Length")) {
      // For HEAD, the length the GET would have: client_java's handler sets it itself there.
      sb.append("Content-Length: ").append(body.size()).append("\r\n");
    }
    if (close) {
      sb.append("Connection: close\r\n");
    }
    sb.append("\r\n");
    ByteBuffer top = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    return head ? new ByteBuffer[] {top} : new ByteBuffer[] {top, body.asBuffer()};
  }

  static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      default: return "Status";
    }
  }

  /** A byte array stream whose content is sent as it is, without a copy. */
  private static final class Body extends ByteArrayOutputStream {
    Body() {
      super(256);
    }

    ByteBuffer asBuffer() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }
}
