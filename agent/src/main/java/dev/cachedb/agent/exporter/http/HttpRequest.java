package dev.cachedb.agent.exporter.http;

import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One parsed request head, as client_java's scrape handler reads it. */
final class HttpRequest implements PrometheusHttpRequest {
  private final String method;
  private final String path;
  private final String query; // raw, null when the target has none
  private final boolean http11;
  private final Map<String, List<String>> headers; // names in lower case

  HttpRequest(String method, String path, String query, boolean http11,
      Map<String, List<String>> headers) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.http11 = http11;
    this.headers = headers;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getRequestPath() {
    return path;
  }

  @Override
  public String getQueryString() {
    return query;
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null
        ? Collections.<String>emptyEnumeration()
        : Collections.enumeration(values);
  }

  /**
   * Whether the connection may carry another request: HTTP/1.1 unless {@code Connection: close},
   * HTTP/1.0 only with {@code Connection: keep-alive}; never after a request body, which this
   * server does not read (GET and HEAD have none).
   */
  boolean keepAlive() {
    if (headers.containsKey("content-length") && !"0".equals(getHeader("content-length"))
        || headers.containsKey("transfer-encoding")) {
      return false;
    }
    String connection = getHeader("connection");
    connection = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
    return http11 ? !connection.contains("close") : connection.contains("keep-alive");
  }
}
