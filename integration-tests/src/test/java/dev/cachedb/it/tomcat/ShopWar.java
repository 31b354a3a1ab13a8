package dev.cachedb.it.tomcat;

import dev.cachedb.it.harness.Artifacts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds TomcatIT's web application the way a legacy project ships one: {@code ShopServlet}
 * compiled for Java 8 against the distribution's own {@code lib/servlet-api.jar} (javax or
 * jakarta, whichever it holds), Jedis in {@code WEB-INF/lib}, and two JNDI pools in {@code
 * META-INF/context.xml}: {@code jdbc/orders} on Tomcat's default factory (its repackaged DBCP2)
 * and {@code jdbc/catalog} on Tomcat JDBC, both closed at undeploy ({@code closeMethod}).
 */
final class ShopWar {
  /** The servlet's Jedis and its dependencies, all built for Java 8. */
  private static final String JEDIS_FOLDER = "jedis-8.0.2";

  private ShopWar() {}

  static Path build(Path tomcatHome, String jdbcUrl, String redisHost, int redisPort, Path dir)
      throws IOException {
    Path servletApi = tomcatHome.resolve("lib/servlet-api.jar");
    List<Path> jedis = Artifacts.libs(JEDIS_FOLDER);
    Path sources = Files.createDirectories(dir.resolve("src/shop"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path source = sources.resolve("ShopServlet.java");
    Files.write(
        source,
        servletSource().replace("SERVLET.", servletPackage(servletApi) + ".")
            .getBytes(StandardCharsets.UTF_8));
    List<String> classpath = new ArrayList<>();
    classpath.add(servletApi.toString());
    jedis.forEach(p -> classpath.add(p.toString()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(null, null, null, "--release", "8", "-Xlint:-options",
            "-classpath", String.join(File.pathSeparator, classpath),
            "-d", classes.toString(), source.toString());
    if (rc != 0) {
      throw new IllegalStateException("ShopServlet did not compile against " + servletApi);
    }

    Path war = dir.resolve("shop.war");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war))) {
      add(out, "META-INF/context.xml", contextXml(jdbcUrl));
      add(out, "WEB-INF/web.xml", webXml(redisHost, redisPort));
      try (Stream<Path> compiled = Files.walk(classes)) {
        for (Path c : compiled.filter(Files::isRegularFile).collect(Collectors.toList())) {
          add(out, "WEB-INF/classes/" + classes.relativize(c), Files.readAllBytes(c));
        }
      }
      for (Path jar : jedis) {
        add(out, "WEB-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
      }
    }
    return war;
  }

  /** {@code javax.servlet} up to Tomcat 9, {@code jakarta.servlet} from Tomcat 10. */
  private static String servletPackage(Path servletApi) throws IOException {
    try (JarFile jar = new JarFile(servletApi.toFile())) {
      return jar.getEntry("jakarta/servlet/http/HttpServlet.class") != null
          ? "jakarta.servlet"
          : "javax.servlet";
    }
  }

  private static String servletSource() throws IOException {
    try (InputStream in = ShopWar.class.getResourceAsStream("ShopServlet.java.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Pools sized so that the test's four client threads never wait; {@code closeMethod="close"}
   * makes Tomcat close each pool when the application stops (without it the pools live on).
   * jdbc/orders takes every default of Tomcat's DBCP, including validation on borrow, and sets the
   * isolation level, as legacy configurations often do: DBCP then calls getTransactionIsolation on
   * every borrow, which the MariaDB driver answers with a query of its own on a new connection.
   */
  private static byte[] contextXml(String jdbcUrl) {
    String common =
        "auth=\"Container\" type=\"javax.sql.DataSource\" closeMethod=\"close\"\n"
            + "            driverClassName=\"org.mariadb.jdbc.Driver\" url=\"" + jdbcUrl + "\"\n"
            + "            username=\"root\" password=\"\"";
    return ("<Context>\n"
            + "  <Resource name=\"jdbc/orders\" " + common + "\n"
            + "            maxTotal=\"4\" maxIdle=\"4\"\n"
            + "            defaultTransactionIsolation=\"READ_COMMITTED\"/>\n"
            + "  <Resource name=\"jdbc/catalog\" " + common + "\n"
            + "            factory=\"org.apache.tomcat.jdbc.pool.DataSourceFactory\"\n"
            + "            initialSize=\"2\" minIdle=\"2\" maxIdle=\"4\" maxActive=\"4\"/>\n"
            + "</Context>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Metadata-complete, so Tomcat scans no jar for annotations; Servlet 3.1 on every line. */
  private static byte[] webXml(String redisHost, int redisPort) {
    return ("<web-app xmlns=\"http://xmlns.jcp.org/xml/ns/javaee\" version=\"3.1\""
            + " metadata-complete=\"true\">\n"
            + param("redis.host", redisHost)
            + param("redis.port", Integer.toString(redisPort))
            + "  <servlet>\n"
            + "    <servlet-name>shop</servlet-name>\n"
            + "    <servlet-class>shop.ShopServlet</servlet-class>\n"
            + "    <load-on-startup>1</load-on-startup>\n"
            + "  </servlet>\n"
            + "  <servlet-mapping>\n"
            + "    <servlet-name>shop</servlet-name>\n"
            + "    <url-pattern>/*</url-pattern>\n"
            + "  </servlet-mapping>\n"
            + "</web-app>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String param(String name, String value) {
    return "  <context-param><param-name>" + name + "</param-name><param-value>" + value
        + "</param-value></context-param>\n";
  }

  private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }
}
