package dev.cachedb.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachedb.it.harness.AppProcess;
import dev.cachedb.it.harness.Jdk;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic authentication and TLS on /metrics, through client_java's own HTTPServer hooks. */
class SecuredEndpointIT {
  private static final String PASSWORD = "Pw-7f3a91";

  @Test
  void basicAuthRefusesMissingAndWrongCredentialsWithoutMetricText() throws Exception {
    try (AppProcess app =
        AppProcess.testApp()
            .agent("port=0,host=127.0.0.1,auth.user=prom,auth.password=" + PASSWORD)
            .args("--linger", "--rounds=1")
            .start()) {
      app.awaitStdout("test-app: lingering");
      String url = "http://127.0.0.1:" + app.metricsPort() + "/metrics";

      assertThat(status(url, null)).isEqualTo(401);
      assertThat(body(url, null)).doesNotContain("cachedb_agent_info");
      assertThat(status(url, "prom:wrong")).isEqualTo(401);
      assertThat(status(url, "other:" + PASSWORD)).isEqualTo(401);
      assertThat(status(url, "prom:" + PASSWORD)).isEqualTo(200);
      assertThat(body(url, "prom:" + PASSWORD)).contains("cachedb_agent_info{version=\"0.1.0\"} 1");
      assertThat(app.stderr()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void passwordMayBeGivenAsItsSha256() throws Exception {
    String hash =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
    try (AppProcess app =
        AppProcess.testApp()
            .agent("port=0,host=127.0.0.1,auth.user=prom,auth.password_sha256=" + hash)
            .args("--linger", "--rounds=1")
            .start()) {
      app.awaitStdout("test-app: lingering");
      String url = "http://127.0.0.1:" + app.metricsPort() + "/metrics";
      assertThat(status(url, "prom:" + PASSWORD)).isEqualTo(200);
      assertThat(status(url, "prom:" + hash)).isEqualTo(401);
    }
  }

  @Test
  void tlsServesWithTheRightTrustStoreAndRefusesPlainHttp(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    serverKeystore(keystore, PASSWORD);
    try (AppProcess app =
        AppProcess.testApp()
            .agent("port=0,host=127.0.0.1,tls.keystore=" + keystore + ",tls.keystore_password=" + PASSWORD)
            .args("--linger", "--rounds=1")
            .start()) {
      app.awaitStdout("test-app: lingering");
      assertThat(app.stderr()).contains("serving metrics on https://127.0.0.1:");
      int port = app.metricsPort();

      SSLContext ctx = trusting(keystore, PASSWORD);
      HttpsURLConnection c =
          (HttpsURLConnection) new URL("https://127.0.0.1:" + port + "/metrics").openConnection();
      c.setSSLSocketFactory(ctx.getSocketFactory());
      assertThat(c.getResponseCode()).isEqualTo(200);
      try (InputStream in = c.getInputStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .contains("cachedb_agent_info{version=\"0.1.0\"} 1");
      }

      // A plain-HTTP client gets no metrics from a TLS endpoint.
      assertThatThrownBy(() -> body("http://127.0.0.1:" + port + "/metrics", null))
          .isInstanceOf(IOException.class);
      assertThat(app.stderr()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void unreadableKeystoreIsOneLineAndTheApplicationRunsOn() throws Exception {
    try (AppProcess app =
        AppProcess.testApp()
            .agent("port=0,tls.keystore=/no/such.p12,tls.keystore_password=" + PASSWORD)
            .args("--rounds=2", "--interval-ms=10")
            .start()) {
      assertThat(app.awaitExit(60)).isEqualTo(0);
      assertThat(app.stderr()).contains("cannot serve metrics").doesNotContain(PASSWORD)
          .doesNotContain("\tat ");
    }
  }

  /** A PKCS12 keystore with a self-signed key for 127.0.0.1 and localhost. */
  static void serverKeystore(Path keystore, String password) throws Exception {
    keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password);
  }

  /** A client TLS context that trusts the key in {@code keystore}. */
  static SSLContext trusting(Path keystore, String password) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trust.load(in, password.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private static void keytool(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = Jdk.home().resolve("bin/keytool").toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(0);
  }

  private static HttpURLConnection open(String url, String credentials) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setConnectTimeout(5000);
    c.setReadTimeout(5000);
    if (credentials != null) {
      c.setRequestProperty("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return c;
  }

  private static int status(String url, String credentials) throws IOException {
    HttpURLConnection c = open(url, credentials);
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }

  private static String body(String url, String credentials) throws IOException {
    HttpURLConnection c = open(url, credentials);
    try {
      InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream();
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      c.disconnect();
    }
  }
}
