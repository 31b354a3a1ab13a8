package dev.cachedb.bench.petclinic;

import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
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

  /** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every common build. */
  private static final long NANOS_PER_TICK = 10_000_000L;

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
    long agentsCpu = 0;
    long restCpu = 0;
    long requestsCpu = 0;
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] == null || allocated[i] < 0) {
        continue; // ended between the two calls
      }
      long cpu = Math.max(0, threads.getThreadCpuTime(ids[i]));
      if (isAgents(infos[i].getThreadName())) {
        agents += allocated[i];
        agentsCpu += cpu;
      } else {
        rest += allocated[i];
        restCpu += cpu;
        if (infos[i].getThreadName().contains("-exec-")) {
          requestsCpu += cpu;
        }
      }
    }
    out.put("allocatedAgentThreads", agents);
    out.put("allocatedOtherThreads", rest);
    // The Java threads' CPU (ThreadMXBean, nanosecond clocks): the requests' work, an agent's
    // per-call part included, without the JIT's and GC's threads, which the JVM hides from
    // ThreadMXBean; those are read from /proc below.
    out.put("cpuAgentThreadsNanos", agentsCpu);
    out.put("cpuOtherThreadsNanos", restCpu);
    // Tomcat's request threads alone: where an agent's per-call cost lands; the rest of the
    // other threads' CPU (Tomcat's poller, the pool's housekeeping, reference handling) apart.
    out.put("cpuRequestThreadsNanos", requestsCpu);
    hiddenThreadsCpu(out);
    long gcMillis = 0;
    long gcCount = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
      gcCount += Math.max(0, gc.getCollectionCount());
    }
    out.put("gcMillis", gcMillis);
    out.put("gcCount", gcCount);
    out.put("liveThreads", (long) threads.getThreadCount());
    out.put("calibrationCalls", calibration("Calls"));
    out.put("calibrationBurnedNanos", calibration("BurnedNanos"));
    return out;
  }

  /**
   * CPU of the JIT's compiler threads and the GC's threads from /proc/self/task (Linux; clock
   * ticks), for the breakdown: compiling woven code is a warm-up cost that fades, unlike the
   * per-call one. Absent where /proc is not there.
   */
  private static void hiddenThreadsCpu(Map<String, Long> out) {
    File[] tasks = new File("/proc/self/task").listFiles();
    if (tasks == null) {
      return;
    }
    long jit = 0;
    long gc = 0;
    for (File task : tasks) {
      try {
        String name = new String(Files.readAllBytes(new File(task, "comm").toPath())).trim();
        boolean isJit = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler");
        boolean isGc = name.startsWith("GC Thread") || name.startsWith("G1 ");
        if (!isJit && !isGc) {
          continue;
        }
        String stat = new String(Files.readAllBytes(new File(task, "stat").toPath()));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        if (isJit) {
          jit += nanos;
        } else {
          gc += nanos;
        }
      } catch (IOException | RuntimeException e) {
        // the thread ended while being read
      }
    }
    out.put("cpuJitThreadsNanos", jit);
    out.put("cpuGcThreadsNanos", gc);
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
