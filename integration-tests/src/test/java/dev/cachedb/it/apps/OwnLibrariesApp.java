package dev.cachedb.it.apps;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application that brings its own client_java (an older 1.x) and its own Byte Buddy, as many
 * do. It uses both, then prints every metric name in its default registry and a final verdict, so
 * the test can check that the agent's shaded copies neither broke them nor leaked metrics in.
 */
public final class OwnLibrariesApp {

  public static void main(String[] args) throws Exception {
    Counter orders =
        Counter.builder().name("shop_orders_total").help("orders").register();
    orders.inc(3);

    Class<?> generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("made by the app's own Byte Buddy"))
            .make()
            .load(OwnLibrariesApp.class.getClassLoader())
            .getLoaded();
    System.out.println("own-libs: " + generated.getDeclaredConstructor().newInstance());

    for (MetricSnapshot s : PrometheusRegistry.defaultRegistry.scrape()) {
      System.out.println("own-libs: metric " + s.getMetadata().getName() + " = "
          + s.getDataPoints().get(0));
    }
    System.out.println("own-libs: client_java from " + jarOf(Counter.class)
        + ", byte-buddy from " + jarOf(ByteBuddy.class));
    System.out.println("own-libs: ok");
    Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "0"));
  }

  private static String jarOf(Class<?> c) {
    String path = c.getProtectionDomain().getCodeSource().getLocation().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
