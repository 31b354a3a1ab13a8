package dev.cachedb.it.harness;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection for a test's own set-up (schemas, seed rows), made in the test's JVM, which has no
 * agent, so nothing it runs is counted. An H2 file is opened with the H2 of the child's library
 * folder: H2's file format changes between versions, and on an older JDK the child opens the file
 * with an older H2 than this JVM's (Artifacts.FOR_OLDER_JDKS).
 */
public final class SetUpConnection {
  /** What a test does with the connection. */
  public interface Work {
    void run(Connection c) throws Exception;
  }

  private SetUpConnection() {}

  public static void run(String url, String user, String password, Work work) throws Exception {
    if (!url.startsWith("jdbc:h2:")) {
      try (Connection c = DriverManager.getConnection(url, user, password)) {
        work.run(c);
      }
      return;
    }
    try (URLClassLoader h2 = new URLClassLoader(
        Artifacts.libs("jdbc-h2").stream().map(SetUpConnection::url).toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      Driver driver =
          (Driver) Class.forName("org.h2.Driver", true, h2).getDeclaredConstructor().newInstance();
      Properties credentials = new Properties();
      credentials.setProperty("user", user);
      credentials.setProperty("password", password);
      try (Connection c = driver.connect(url, credentials)) {
        if (c == null) {
          throw new SQLException("the child's H2 does not accept " + url);
        }
        work.run(c);
      }
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
