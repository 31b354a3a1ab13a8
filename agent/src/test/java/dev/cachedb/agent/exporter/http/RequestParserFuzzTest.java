package dev.cachedb.agent.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes a client sends, the parser returns a request, asks for more, or refuses with
 * 400 or 431: nothing else may escape, since the endpoint answers before authentication.
 */
class RequestParserFuzzTest {
  private static final String[] SEEDS = {
    "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
    "HEAD /metrics?name[]=a&debug=text HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "GET http://h:9404/metrics HTTP/1.1\nAuthorization: Basic cHJvbTpwdw==\n\n",
    "GET / HTTP/1.1\r\nAccept-Encoding: gzip\r\nContent-Length: 0\r\n\r\nGET /-/healthy HTTP/1.1\r\n\r\n",
    "\n\n",
  };
  private static final char[] INTERESTING = {'\r', '\n', ' ', ':', '\t', '/', '?', '\0', 'H', '1',
    '.', '\u00ff'};

  @Test
  void randomAndMutatedHeadsGiveARequestMoreOrARefusal() {
    Random random = new Random(20261124L);
    int requests = 0;
    int refused = 0;
    for (int i = 0; i < 200_000; i++) {
      String head = i % 2 == 0 ? randomText(random) : mutate(SEEDS[i % SEEDS.length], random);
      ByteBuffer in = ByteBuffer.allocate(i % 7 == 0 ? 64 : HttpConnection.MAX_HEAD_BYTES);
      byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
      in.put(bytes, 0, Math.min(bytes.length, in.capacity()));
      try {
        for (HttpRequest r; (r = RequestParser.parse(in)) != null; ) {
          assertThat(r.getRequestPath()).startsWith("/");
          r.keepAlive(); // reads headers too: must not throw either
          requests++;
        }
      } catch (RequestParser.BadRequest e) {
        assertThat(e.status).isIn(400, 431);
        refused++;
      }
    }
    assertThat(requests).as("some mutations stay valid").isGreaterThan(10_000);
    assertThat(refused).as("much random input is refused").isGreaterThan(10_000);
  }

  private static String randomText(Random r) {
    char[] c = new char[r.nextInt(96)];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextInt(3) == 0 ? INTERESTING[r.nextInt(INTERESTING.length)] : (char) r.nextInt(256);
    }
    return new String(c) + (r.nextBoolean() ? "\r\n\r\n" : "");
  }

  /** A seed with a few byte-level edits: a flipped bit, a repeated or dropped run, a line break. */
  private static String mutate(String seed, Random r) {
    StringBuilder sb = new StringBuilder(seed);
    for (int edits = 1 + r.nextInt(3); edits > 0 && sb.length() > 1; edits--) {
      int at = r.nextInt(sb.length());
      int to = Math.min(sb.length(), at + 1 + r.nextInt(8));
      int kind = r.nextInt(4);
      if (kind == 0) {
        sb.setCharAt(at, (char) ((sb.charAt(at) ^ (1 << r.nextInt(8))) & 0xff));
      } else if (kind == 1) {
        sb.insert(at, sb.substring(at, to));
      } else if (kind == 2) {
        sb.delete(at, to);
      } else {
        sb.insert(at, r.nextBoolean() ? "\r\n" : "\n");
      }
    }
    return sb.toString();
  }
}
