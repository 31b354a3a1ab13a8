package dev.cachedb.agent.exporter.http;

import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import dev.cachedb.agent.loop.LogLimit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection: a fixed read buffer (the request head limit) and at most one pending
 * response. While a response is pending the connection reads nothing more, so a client that does
 * not read costs the agent one response's memory until the idle timeout closes it, and never
 * delays any other client. Requests are answered in order, pipelined ones included.
 *
 * <p>Three clocks bound what a client can hold: a head must be complete within the head deadline
 * of its first byte, whatever the pace of the bytes (slowloris); a connection with nothing sent
 * and a response that does not move are closed after the idle timeout. {@link HttpEndpoint} runs
 * them, and may close a waiting connection earlier to make room for a new one.
 */
final class HttpConnection implements AgentLoop.Handler {
  static final int MAX_HEAD_BYTES = 8192;
  private static final LogLimit FAILED = new LogLimit(AgentLog.Level.WARN);
  private static final LogLimit MALFORMED = new LogLimit(AgentLog.Level.DEBUG);

  private final SocketChannel channel;
  private final Routes routes;
  private final ByteBuffer in = ByteBuffer.allocate(MAX_HEAD_BYTES);
  private ByteBuffer[] out; // the pending response, or null
  private boolean closeAfterWrite;
  private long waitingSince; // accepted, or last response sent: the eviction order
  private long headSince; // first byte of an unfinished head, or 0
  private long lastWrite; // progress of the pending response

  HttpConnection(SocketChannel channel, Routes routes, long now) {
    this.channel = channel;
    this.routes = routes;
    this.waitingSince = now;
  }

  @Override
  public void ready(SelectionKey key) throws IOException {
    if (key.isWritable()) {
      write(key);
    } else if (key.isReadable()) {
      if (channel.read(in) < 0) {
        AgentLoop.close(key); // the client is gone, or half-closed with nothing pending
        return;
      }
      if (headSince == 0 && in.position() > 0) {
        headSince = System.currentTimeMillis();
      }
      answer(key);
    }
  }

  /** Answers the next complete request in the buffer, if there is one and nothing is pending. */
  private void answer(SelectionKey key) throws IOException {
    HttpRequest request;
    try {
      request = RequestParser.parse(in);
    } catch (RequestParser.BadRequest e) {
      refuse(key, e.status);
      return;
    } catch (RuntimeException e) {
      MALFORMED.log("unreadable request head (" + AgentLog.describe(e) + ")"); // a parser bug
      refuse(key, 400);
      return;
    }
    if (request == null) {
      return; // wait for the rest of the head
    }
    headSince = in.position() > 0 ? System.currentTimeMillis() : 0; // a pipelined next head
    HttpResponse response;
    try {
      response = routes.respond(request);
    } catch (Exception e) {
      // client_java's handler turns its own failures into a 500; this is anything else.
      FAILED.log("request failed (" + AgentLog.describe(e) + ")");
      refuse(key, 500);
      return;
    }
    closeAfterWrite = !request.keepAlive();
    send(key, response.encode(request.getMethod().equals("HEAD"), closeAfterWrite));
  }

  private void refuse(SelectionKey key, int status) throws IOException {
    closeAfterWrite = true;
    send(key, new HttpResponse(status, null, new byte[0]).encode(false, true));
  }

  private void send(SelectionKey key, ByteBuffer[] response) throws IOException {
    out = response;
    lastWrite = System.currentTimeMillis();
    write(key); // most responses fit the socket buffer: sent now, no second select
  }

  private void write(SelectionKey key) throws IOException {
    if (channel.write(out) > 0) {
      lastWrite = System.currentTimeMillis();
    }
    if (out[out.length - 1].hasRemaining()) {
      key.interestOps(SelectionKey.OP_WRITE);
      return;
    }
    out = null;
    if (closeAfterWrite) {
      AgentLoop.close(key);
      return;
    }
    waitingSince = System.currentTimeMillis();
    key.interestOps(SelectionKey.OP_READ);
    answer(key); // a pipelined request may already be buffered
  }

  /** True when a clock ran out at {@code now}: the endpoint then closes the connection. */
  boolean expired(long now, long idleMillis, long headMillis) {
    if (out != null) {
      return now - lastWrite > idleMillis;
    }
    return headSince != 0 ? now - headSince > headMillis : now - waitingSince > idleMillis;
  }

  /**
   * When this connection began to wait for a request, or {@link Long#MAX_VALUE} while it sends a
   * response: the oldest waiting connection is the one closed to make room for a new one.
   */
  long waitingSince() {
    return out != null ? Long.MAX_VALUE : waitingSince;
  }
}
