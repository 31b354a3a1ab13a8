package dev.cachedb.agent.pool;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reflective reads of pool state, the one way every {@link PoolReader} reaches its pool (and the
 * Redis recorders a command's keys). The agent
 * cannot link against pool classes: each application class loader may hold its own version. Methods
 * are looked up once per class and name; the cache lives in a {@link ClassValue}, so it goes with
 * the class when its loader is collected.
 */
public final class Reflect {
  private static final Object MISSING = new Object();
  private static final Object[] NO_ARGS = new Object[0]; // a varargs call would allocate one

  private static final ClassValue<ConcurrentHashMap<String, Object>> CACHE =
      new ClassValue<ConcurrentHashMap<String, Object>>() {
        @Override
        protected ConcurrentHashMap<String, Object> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  /** Fields apart from methods, so a lookup builds no key: readers may call it per borrow. */
  private static final ClassValue<ConcurrentHashMap<String, Object>> FIELDS =
      new ClassValue<ConcurrentHashMap<String, Object>>() {
        @Override
        protected ConcurrentHashMap<String, Object> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private Reflect() {}

  /** The result of the public no-argument method {@code name}, or null if there is none. */
  public static Object call(Object target, String name) throws Exception {
    if (target == null) {
      return null;
    }
    ConcurrentHashMap<String, Object> byName = CACHE.get(target.getClass());
    Object m = byName.get(name);
    if (m == null) {
      m = findMethod(target.getClass(), name);
      byName.put(name, m);
    }
    return m == MISSING ? null : ((Method) m).invoke(target, NO_ARGS);
  }

  /** {@link #call} as an int, or -1 when the method is missing or returns null. */
  public static int callInt(Object target, String name) throws Exception {
    Object v = call(target, name);
    return v instanceof Number ? ((Number) v).intValue() : -1;
  }

  /** The field {@code name} declared by {@code target}'s class or a superclass, or null. */
  public static Object field(Object target, String name) throws Exception {
    ConcurrentHashMap<String, Object> byName = FIELDS.get(target.getClass());
    Object f = byName.get(name);
    if (f == null) {
      f = findField(target.getClass(), name);
      byName.put(name, f);
    }
    return f == MISSING ? null : ((Field) f).get(target);
  }

  /** A reader of the field {@code name}, for a pool reader that follows it on every borrow. */
  public static FieldReader fieldReader(String name) {
    return new FieldReader(name);
  }

  /**
   * One field, found once per class and kept in a {@link ClassValue}: reading it costs a class
   * look-up and the reflective get, with no search by name ({@link #field} hashes the name on
   * every call; a borrow reads a field of the wrapper the pool lends each time).
   */
  public static final class FieldReader {
    private final ClassValue<Object> fields;

    private FieldReader(final String name) {
      fields =
          new ClassValue<Object>() {
            @Override
            protected Object computeValue(Class<?> type) {
              return findField(type, name);
            }
          };
    }

    /** The field's value in {@code target}, or null if its class has no such field. */
    public Object read(Object target) throws IllegalAccessException {
      Object f = fields.get(target.getClass());
      return f == MISSING ? null : ((Field) f).get(target);
    }
  }

  /** A caller of the public no-argument method {@code name}, for a read made on every command. */
  public static MethodCaller methodCaller(String name) {
    return new MethodCaller(name);
  }

  /** {@link FieldReader}'s twin for a method: found once per class, no search by name per call. */
  public static final class MethodCaller {
    private final ClassValue<Object> methods;

    private MethodCaller(final String name) {
      methods =
          new ClassValue<Object>() {
            @Override
            protected Object computeValue(Class<?> type) {
              return findMethod(type, name);
            }
          };
    }

    /** The method's result on {@code target}, or null if its class has no such method. */
    public Object call(Object target) throws Exception {
      if (target == null) {
        return null;
      }
      Object m = methods.get(target.getClass());
      return m == MISSING ? null : ((Method) m).invoke(target, NO_ARGS);
    }
  }

  private static Object findMethod(Class<?> type, String name) {
    try {
      Method m = type.getMethod(name);
      if (!java.lang.reflect.Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        m.setAccessible(true);
      }
      return m;
    } catch (Exception | LinkageError e) {
      return MISSING;
    }
  }

  private static Object findField(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // try the superclass
      } catch (RuntimeException | LinkageError e) {
        return MISSING;
      }
    }
    return MISSING;
  }
}
