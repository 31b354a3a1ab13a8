package dev.cachedb.agent.instrumentation.oracle;

import java.util.concurrent.Callable;

/**
 * The advised methods of a Spring {@code Cache} and of its value adapter ({@code toStoreValue}),
 * in one class: the shapes the spring-cache module's advice is applied to ({@code toStoreValue} is
 * protected in Spring, public here so that the test can call it).
 */
public class SpringCacheSample {

  public Object get(Object key) {
    return Behaviour.result(key);
  }

  public Object get(Object key, Class<?> type) {
    return Behaviour.result(null);
  }

  public Object get(Object key, Callable<?> loader) throws Exception {
    toStoreValue(key);
    return Behaviour.result(loader.call());
  }

  public void put(Object key, Object value) {
    Behaviour.result(value);
  }

  public Object putIfAbsent(Object key, Object value) {
    return Behaviour.result(null);
  }

  public void evict(Object key) {
    Behaviour.result(key);
  }

  public boolean evictIfPresent(Object key) {
    return Behaviour.result(true);
  }

  public void clear() {
    Behaviour.result(null);
  }

  public boolean invalidate() {
    return Behaviour.result(false);
  }

  public Object toStoreValue(Object value) {
    return Behaviour.result(value);
  }
}
