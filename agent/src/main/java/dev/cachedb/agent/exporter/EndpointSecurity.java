package dev.cachedb.agent.exporter;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.function.BiPredicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Basic authentication and TLS for /metrics: the credential check serves the agent's own HTTP
 * endpoint, and for TLS client_java's HTTPServer through its hooks ({@code authenticator}, {@code
 * httpsConfigurator}): the agent implements no TLS. Passwords live only in memory and are compared
 * in constant time.
 */
final class EndpointSecurity {

  private EndpointSecurity() {}

  /** Null when no user is configured: the endpoint is open. */
  static Authenticator authenticator(AgentConfig config) {
    BiPredicate<String, String> check = credentials(config);
    if (check == null) {
      return null;
    }
    return new BasicAuthenticator("cachedb-agent") {
      @Override
      public boolean checkCredentials(String givenUser, String givenPassword) {
        return check.test(givenUser, givenPassword);
      }
    };
  }

  /** Checks a user and password against the configured ones; null when no user is configured. */
  static BiPredicate<String, String> credentials(AgentConfig config) {
    String user = config.getString(ConfigKey.AUTH_USER);
    if (user.isEmpty()) {
      return null;
    }
    String plain = config.getString(ConfigKey.AUTH_PASSWORD);
    byte[] expectedHash =
        plain.isEmpty()
            ? config.getString(ConfigKey.AUTH_PASSWORD_SHA256).toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII)
            : hex(sha256(plain)).getBytes(StandardCharsets.US_ASCII);
    byte[] expectedUser = user.getBytes(StandardCharsets.UTF_8);
    return (givenUser, givenPassword) -> {
      boolean userOk =
          MessageDigest.isEqual(expectedUser, givenUser.getBytes(StandardCharsets.UTF_8));
      boolean passwordOk =
          MessageDigest.isEqual(
              expectedHash, hex(sha256(givenPassword)).getBytes(StandardCharsets.US_ASCII));
      return userOk & passwordOk;
    };
  }

  /** Null when no keystore is configured: plain HTTP. */
  static HttpsConfigurator https(AgentConfig config) throws IOException {
    String keystore = config.getString(ConfigKey.TLS_KEYSTORE);
    if (keystore.isEmpty()) {
      return null;
    }
    try {
      String type = config.getString(ConfigKey.TLS_KEYSTORE_TYPE).toUpperCase(Locale.ROOT);
      char[] keyPassword = config.getString(ConfigKey.TLS_KEYSTORE_PASSWORD).toCharArray();
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(keystore, type, keyPassword), keyPassword);

      TrustManagerFactory tmf = null;
      String truststore = config.getString(ConfigKey.TLS_TRUSTSTORE);
      if (!truststore.isEmpty()) {
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(
            load(truststore, type,
                config.getString(ConfigKey.TLS_TRUSTSTORE_PASSWORD).toCharArray()));
      }
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
      boolean needClientAuth = config.getBoolean(ConfigKey.TLS_CLIENT_AUTH);
      return new HttpsConfigurator(ssl) {
        @Override
        public void configure(HttpsParameters params) {
          SSLParameters p = getSSLContext().getDefaultSSLParameters();
          p.setNeedClientAuth(needClientAuth);
          params.setSSLParameters(p);
        }
      };
    } catch (GeneralSecurityException e) {
      // The message names the problem (bad password, wrong type), never a secret.
      throw new IOException("TLS setup failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private static KeyStore load(String path, String type, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Paths.get(path))) {
      ks.load(in, password);
    }
    return ks;
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xf, 16);
      out[2 * i + 1] = Character.forDigit(bytes[i] & 0xf, 16);
    }
    return new String(out);
  }
}
