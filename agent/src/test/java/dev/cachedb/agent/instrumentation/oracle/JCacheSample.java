package dev.cachedb.agent.instrumentation.oracle;

import java.util.Map;
import java.util.Set;

/** The advised methods of a JCache {@code Cache}: the shapes the jcache module advises. */
public class JCacheSample {

  public Object get(Object key) {
    return Behaviour.result(null);
  }

  public Map<?, ?> getAll(Set<?> keys) {
    return Behaviour.result(java.util.Collections.emptyMap());
  }

  public void put(Object key, Object value) {
    Behaviour.result(value);
  }

  public void putAll(Map<?, ?> entries) {
    Behaviour.result(entries);
  }

  public boolean putIfAbsent(Object key, Object value) {
    return Behaviour.result(true);
  }

  public Object getAndPut(Object key, Object value) {
    return Behaviour.result(value);
  }

  public boolean remove(Object key) {
    return Behaviour.result(true);
  }

  public boolean remove(Object key, Object value) {
    return Behaviour.result(false);
  }

  public Object getAndRemove(Object key) {
    return Behaviour.result(key);
  }

  public void removeAll(Set<?> keys) {
    Behaviour.result(keys);
  }

  public void removeAll() {
    Behaviour.result(null);
  }

  public void clear() {
    Behaviour.result(null);
  }
}
