package dev.cachedb.agent.cli;

import java.io.File;
import java.io.PrintStream;

/**
 * {@code java -jar cachedb-agent.jar}: the command line. {@code attach <pid> [args]} loads the
 * agent into a running JVM, which then serves metrics and has its already-loaded library classes
 * instrumented by retransformation. Anything else prints usage. This runs in its own short-lived
 * process, so unlike the agent it may exit with a status.
 */
public final class Main {

  private Main() {}

  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err));
  }

  static int run(String[] argv, PrintStream out, PrintStream err) {
    if (argv.length < 2 || argv.length > 3 || !"attach".equals(argv[0])) {
      usage(argv.length == 0 ? out : err);
      return argv.length == 0 ? 0 : 2;
    }
    String pid = argv[1];
    if (!pid.matches("[0-9]+")) {
      err.println("cachedb-agent: '" + pid + "' is not a process id");
      return 2;
    }
    String args = argv.length == 3 ? argv[2] : "";
    try {
      File jar = new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      net.bytebuddy.agent.ByteBuddyAgent.attach(jar, pid, args);
      out.println("cachedb-agent: attached to process " + pid
          + "; its stderr shows the address of its metrics");
      return 0;
    } catch (Exception | LinkageError e) {
      err.println("cachedb-agent: could not attach to process " + pid + ": " + e);
      return 1;
    }
  }

  private static void usage(PrintStream s) {
    s.println("cachedb-agent: Prometheus metrics for a JVM's Redis cache and SQL database.");
    s.println();
    s.println("Usage:");
    s.println("  java -javaagent:cachedb-agent.jar[=key=value,...] -jar your-app.jar");
    s.println("  java -jar cachedb-agent.jar attach <pid> [key=value,...]");
    s.println();
    s.println("Keys: port, host, enabled, redis.enabled, jdbc.enabled, pool.enabled,");
    s.println("      jvm_metrics.enabled, log.level, log.transform_errors, config");
  }
}
