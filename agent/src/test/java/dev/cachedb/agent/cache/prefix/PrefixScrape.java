package dev.cachedb.agent.cache.prefix;

import dev.cachedb.agent.cache.CacheMetrics;
import dev.cachedb.agent.cache.CacheRecorder;
import dev.cachedb.agent.metrics.Histograms;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A cache recorder counting key prefixes into its own registry, and its scraped prefix lines. */
public final class PrefixScrape {
  public final PrometheusRegistry registry = new PrometheusRegistry();
  public final CacheRecorder recorder =
      new CacheRecorder(
          new CacheMetrics(registry, Histograms.CLASSIC),
          (h, p, u, pw) -> {},
          new KeyPrefixes(registry, ':', 50));

  /** The {@code cache_key_prefix_reads_total} lines, as {@code prefix result value}. */
  public List<String> lines() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> lines = new ArrayList<>();
    for (String line : new String(out.toByteArray(), StandardCharsets.UTF_8).split("\n")) {
      String p = "cache_key_prefix_reads_total{prefix=\"";
      if (line.startsWith(p)) {
        String rest = line.substring(p.length());
        String prefix = rest.substring(0, rest.indexOf('"'));
        String result = rest.substring(rest.indexOf("result=\"") + 8, rest.indexOf("\"}"));
        double value = Double.parseDouble(rest.substring(rest.indexOf("} ") + 2));
        if (value != 0) {
          lines.add(prefix + " " + result + " " + (long) value);
        }
      }
    }
    return lines;
  }
}
