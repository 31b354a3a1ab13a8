package dev.cachedb.agent.instrumentation.weave;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** Advice shaped like the agent's, recording what it saw into {@link #EVENTS}. */
public final class TestAdvice {
  public static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

  private TestAdvice() {}

  /** Advice is compiled for JDK 17 here: string concatenation would be an invokedynamic. */
  public static void record(Object... parts) {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      b.append(b.length() == 0 ? "" : " ").append(p);
    }
    EVENTS.add(b.toString());
  }

  /** Timing advice: an enter result, the exception, the result, onThrowable. */
  public static class Timed {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.This Object self, @Advice.Argument(0) Object first) {
      record("enter", first);
      return 42L;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter long start, @Advice.Argument(0) Object first,
        @Advice.Return Object result, @Advice.Thrown Throwable thrown) {
      record("exit", start, first, result, thrown == null ? "-" : thrown.getClass().getSimpleName());
    }
  }

  /** A primitive result, read as it is. */
  public static class Primitive {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Argument(0) Object first, @Advice.Return int result,
        @Advice.Thrown Throwable thrown) {
      record("result", first, result);
    }
  }

  /** Throws on both sides: the method must not notice. */
  public static class Throwing {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
      record("throwing enter");
      throw new IllegalArgumentException("enter");
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit() {
      record("throwing exit");
      throw new IllegalArgumentException("exit");
    }
  }

  /** A local shared between enter and exit, a field read, branches and a loop in the advice. */
  public static class Local {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Local("count") int[] count,
        @Advice.FieldValue("name") String name) {
      count = new int[1];
      for (int i = 0; i < 3; i++) {
        count[0] += name == null ? 0 : name.length();
      }
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Local("count") int[] count, @Advice.This Object self) {
      record("local", count == null ? "null" : count[0]);
    }
  }

  /** Exit advice on a constructor, as the pools' advice has. */
  public static class Constructed {
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object self, @Advice.Argument(0) String name) {
      record("constructed", name, self != null);
    }
  }

  /** Enter advice on a static method. */
  public static class Static {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) int x) {
      record("static", x);
    }
  }

  /** A setting the inliner does not cover: Byte Buddy weaves it. */
  public static class Skipping {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    public static boolean enter() {
      return false;
    }
  }
}
