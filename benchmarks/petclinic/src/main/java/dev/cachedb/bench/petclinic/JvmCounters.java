package dev.cachedb.bench.petclinic;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Process CPU time, bytes allocated split into agents' threads and the rest, GC and JIT time, live
 * threads, from the JVM's management beans. An agent's own threads (its HTTP server) allocate
 * per scrape; every other thread's allocation is the application's plus the agents' per-call
 * part. Threads that ended since the last read take their counts with them: the service's
 * request threads live for the whole run, so the loss is the JVM's short-lived helpers only.
 */
final class JvmCounters {
  /** Name prefixes of the agents' threads: ours, and the OpenTelemetry Prometheus exporter's. */
  private static final List<String> AGENT_THREADS = List.of("cachedb-agent", "prometheus-http");

  /** Registered by the calibration agent (benchmarks/.../calibration): its calls and CPU. */
  private static final String CALIBRATION = "dev.cachedb.bench:type=Calibration";

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  Map<String, Long> read() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("cpuNanos", os.getProcessCpuTime());
    long[] ids = threads.getAllThreadIds();
    long[] allocated = threads.getThreadAllocatedBytes(ids);
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    long agents = 0;
    long rest = 0;
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] == null || allocated[i] < 0) {
        continue; // ended between the two calls
      }
      if (isAgents(infos[i].getThreadName())) {
        agents += allocated[i];
      } else {
        rest += allocated[i];
      }
    }
    out.put("allocatedAgentThreads", agents);
    out.put("allocatedOtherThreads", rest);
    long gcMillis = 0;
    long gcCount = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
      gcCount += Math.max(0, gc.getCollectionCount());
    }
    out.put("gcMillis", gcMillis);
    // The JIT's compile time is part of the process CPU: an agent's woven classes can still be
    // compiling in a short window, a cost that fades, unlike the per-call one.
    out.put("jitMillis", ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    out.put("gcCount", gcCount);
    out.put("liveThreads", (long) threads.getThreadCount());
    out.put("calibrationCalls", calibration("Calls"));
    out.put("calibrationBurnedNanos", calibration("BurnedNanos"));
    return out;
  }

  private static boolean isAgents(String name) {
    for (String prefix : AGENT_THREADS) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static long calibration(String attribute) {
    try {
      ObjectName name = new ObjectName(CALIBRATION);
      var server = ManagementFactory.getPlatformMBeanServer();
      return server.isRegistered(name) ? (Long) server.getAttribute(name, attribute) : 0;
    } catch (Exception e) {
      return -1;
    }
  }
}
