package dev.cachedb.agent.instrumentation;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A module's class-loader matcher, asked once per loader. The weaver asks it for every class the
 * gate lets through, and a landmark test looks up resources (a jar lookup and a URL each): done
 * per class, that was a measurable part of the agent's startup time. Loaders are held weakly, so
 * a web application's loader stays collectable; the bootstrap loader (null) is asked every time.
 */
final class CachedLoaderMatcher implements ElementMatcher<ClassLoader> {
  private final ElementMatcher<ClassLoader> delegate;
  private final Map<ClassLoader, Boolean> answers =
      Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());

  CachedLoaderMatcher(ElementMatcher<ClassLoader> delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return delegate.matches(null);
    }
    Boolean known = answers.get(loader);
    if (known == null) {
      // Asked outside the lock: a landmark lookup may load classes (URL handlers) itself.
      known = delegate.matches(loader);
      answers.put(loader, known);
    }
    return known;
  }

  @Override
  public String toString() {
    return "cached(" + delegate + ")";
  }
}
