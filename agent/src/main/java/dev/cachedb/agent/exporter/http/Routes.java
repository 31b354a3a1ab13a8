package dev.cachedb.agent.exporter.http;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiPredicate;

/**
 * What the endpoint answers, the paths of client_java's HTTPServer: {@code /metrics} (and below
 * it) through client_java's own scrape handler, so formats, {@code name[]}, {@code debug=} and
 * gzip behave as there; {@code /-/healthy}; and a short page at {@code /}. Unlike the JDK server,
 * which sends that page for every unknown path, other paths get 404, so a mistyped scrape path
 * fails clearly; and methods other than GET and HEAD get 405. With Basic authentication
 * configured, every path asks for it, as there.
 */
final class Routes {
  private static final byte[] HEALTHY = bytes("Exporter is healthy.\n");
  private static final byte[] HOME =
      bytes("<html>\n<head><title>cachedb-agent</title></head>\n<body>\n<h1>cachedb-agent</h1>\n"
          + "The metrics path is <a href=\"metrics\">/metrics</a>.\n</body>\n</html>\n");
  private static final byte[] NOT_FOUND = bytes("Not found. The metrics path is /metrics.\n");

  private final PrometheusScrapeHandler scrape;
  private final BiPredicate<String, String> credentials; // null: no authentication

  Routes(PrometheusScrapeHandler scrape, BiPredicate<String, String> credentials) {
    this.scrape = scrape;
    this.credentials = credentials;
  }

  HttpResponse respond(HttpRequest request) throws Exception {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      HttpResponse r = new HttpResponse(405, null, new byte[0]);
      r.setHeader("Allow", "GET, HEAD");
      return r;
    }
    if (credentials != null && !authorized(request.getHeader("Authorization"))) {
      HttpResponse r = new HttpResponse(401, null, new byte[0]);
      r.setHeader("WWW-Authenticate", "Basic realm=\"cachedb-agent\", charset=\"UTF-8\"");
      return r;
    }
    String path = request.getRequestPath();
    if (path.equals("/metrics") || path.startsWith("/metrics/")) {
      ScrapeExchange exchange = new ScrapeExchange(request);
      scrape.handleRequest(exchange);
      return exchange.result();
    }
    if (path.equals("/-/healthy")) {
      return new HttpResponse(200, "text/plain; charset=utf-8", HEALTHY);
    }
    if (path.equals("/")) {
      return new HttpResponse(200, "text/html; charset=utf-8", HOME);
    }
    return new HttpResponse(404, "text/plain; charset=utf-8", NOT_FOUND);
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = pair.indexOf(':');
    return colon >= 0
        && credentials.test(pair.substring(0, colon), pair.substring(colon + 1));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
