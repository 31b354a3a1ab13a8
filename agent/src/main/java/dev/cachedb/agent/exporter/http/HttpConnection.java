package dev.cachedb.agent.exporter.http;

import dev.cachedb.agent.log.AgentLog;
import dev.cachedb.agent.loop.AgentLoop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection: a fixed read buffer (the request head limit) and at most one pending
 * response. While a response is pending the connection reads nothing more, so a client that does
 * not read costs the agent one response's memory until the idle timeout closes it, and never
 * delays any other client. Requests are answered in order, pipelined ones included.
 */
final class HttpConnection implements AgentLoop.Handler {
  static final int MAX_HEAD_BYTES = 8192;

  private final SocketChannel channel;
  private final Routes routes;
  private final ByteBuffer in = ByteBuffer.allocate(MAX_HEAD_BYTES);
  private ByteBuffer[] out; // the pending response, or null
  private boolean closeAfterWrite;
  long lastActive;

  HttpConnection(SocketChannel channel, Routes routes, long now) {
    this.channel = channel;
    this.routes = routes;
    this.lastActive = now;
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
      lastActive = System.currentTimeMillis();
      answer(key);
    }
  }

  /** Answers the next complete request in the buffer, if there is one and nothing is pending. */
  private void answer(SelectionKey key) throws IOException {
    HttpRequest request;
    HttpResponse response;
    try {
      request = RequestParser.parse(in);
      if (request == null) {
        return; // wait for the rest of the head
      }
      response = routes.respond(request);
    } catch (RequestParser.BadRequest e) {
      out = new HttpResponse(e.status, null, new byte[0]).encode(false, true);
      closeAfterWrite = true;
      write(key);
      return;
    } catch (Exception e) {
      // client_java's handler turns its own failures into a 500; this is anything else.
      AgentLog.warn("request failed (" + AgentLog.describe(e) + ")");
      out = new HttpResponse(500, null, new byte[0]).encode(false, true);
      closeAfterWrite = true;
      write(key);
      return;
    }
    closeAfterWrite = !request.keepAlive();
    out = response.encode(request.getMethod().equals("HEAD"), closeAfterWrite);
    write(key); // most responses fit the socket buffer: sent now, no second select
  }

  private void write(SelectionKey key) throws IOException {
    long written = channel.write(out);
    if (written > 0) {
      lastActive = System.currentTimeMillis();
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
    key.interestOps(SelectionKey.OP_READ);
    answer(key); // a pipelined request may already be buffered
  }

  /** True when nothing moved for longer than {@code idleMillis}: the sweeper then closes it. */
  boolean idleSince(long limit) {
    return lastActive < limit;
  }
}
