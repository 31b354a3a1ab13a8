package dev.cachedb.agent.instrumentation.weave;

/** Defines woven class bytes in a class loader of their own, so that the JVM verifies them. */
public final class WovenClass {
  private WovenClass() {}

  /** {@code name} defined from {@code bytes} (linked: verified), other classes from {@code parent}. */
  public static Class<?> define(ClassLoader parent, String name, byte[] bytes) throws Exception {
    ClassLoader child = new ClassLoader(parent) {
      @Override
      protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
        if (n.equals(name)) {
          synchronized (getClassLoadingLock(n)) {
            Class<?> c = findLoadedClass(n);
            return c != null ? c : defineClass(n, bytes, 0, bytes.length);
          }
        }
        return super.loadClass(n, resolve);
      }
    };
    Class<?> type = Class.forName(name, true, child);
    type.getDeclaredMethods(); // links it
    return type;
  }
}
