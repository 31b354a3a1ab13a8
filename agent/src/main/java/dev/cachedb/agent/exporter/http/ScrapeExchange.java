package dev.cachedb.agent.exporter.http;

import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.LogLimit;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One request and its in-memory response, handed to client_java's scrape handler. Errors are
 * answered as client_java's own HTTPServer answers them: 500 with a fixed text, unless the
 * response was already sent.
 */
final class ScrapeExchange implements PrometheusHttpExchange {
  private static final byte[] ERROR =
      "An internal error occurred while scraping metrics.\n".getBytes(StandardCharsets.UTF_8);
  private static final LogLimit FAILED = new LogLimit(AgentLog.Level.WARN);

  private final HttpRequest request;
  private HttpResponse response = new HttpResponse();

  ScrapeExchange(HttpRequest request) {
    this.request = request;
  }

  @Override
  public HttpRequest getRequest() {
    return request;
  }

  @Override
  public HttpResponse getResponse() {
    return response;
  }

  @Override
  public void handleException(IOException e) {
    failed(e);
  }

  @Override
  public void handleException(RuntimeException e) {
    failed(e);
  }

  private void failed(Exception e) {
    FAILED.log("scrape failed (" + AgentLog.describe(e) + ")");
    if (!response.sent()) {
      response = new HttpResponse(500, "text/plain; charset=utf-8", ERROR);
    }
  }

  /** The response is complete when the handler returns; it is written by the connection. */
  @Override
  public void close() {}

  /** The response to send: the handler's, or a 500 if it sent none. */
  HttpResponse result() {
    return response.sent() ? response : new HttpResponse(500, "text/plain; charset=utf-8", ERROR);
  }
}
