package dev.cachedb.agent.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.BasicAuthenticator;
import dev.cachedb.agent.config.AgentConfig;
import dev.cachedb.agent.config.ConfigParser;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class EndpointSecurityTest {

  private static AgentConfig config(String args) throws Exception {
    return ConfigParser.parse(args, Collections.emptyMap(), Collections.emptyMap());
  }

  @Test
  void noUserMeansNoAuthenticator() throws Exception {
    assertThat(EndpointSecurity.authenticator(config(""))).isNull();
  }

  @Test
  void plainPasswordIsCheckedExactly() throws Exception {
    BasicAuthenticator auth =
        (BasicAuthenticator) EndpointSecurity.authenticator(config("auth.user=prom,auth.password=s3cret"));
    assertThat(auth.checkCredentials("prom", "s3cret")).isTrue();
    assertThat(auth.checkCredentials("prom", "s3cret ")).isFalse();
    assertThat(auth.checkCredentials("prom", "")).isFalse();
    assertThat(auth.checkCredentials("Prom", "s3cret")).isFalse();
  }

  @Test
  void hashedPasswordAcceptsThePasswordWhoseHashItIs() throws Exception {
    String hash = EndpointSecurity.hex(EndpointSecurity.sha256("s3cret")).toUpperCase();
    BasicAuthenticator auth =
        (BasicAuthenticator)
            EndpointSecurity.authenticator(config("auth.user=prom,auth.password_sha256=" + hash));
    assertThat(auth.checkCredentials("prom", "s3cret")).isTrue();
    assertThat(auth.checkCredentials("prom", hash)).as("the hash itself is not the password").isFalse();
  }

  @Test
  void sha256HexMatchesAKnownVector() {
    assertThat(EndpointSecurity.hex(EndpointSecurity.sha256("abc")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
