package dev.cachedb.agent.instrumentation.weave;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;

/** Frame entries (ASM's expanded form: a long or a double is one entry for two slots). */
final class Frames {
  private Frames() {}

  /**
   * {@code entries} with {@code inserted} put at slot {@code at}: the entries below {@code at}
   * kept (padded with TOP if the frame ends earlier), then {@code inserted}, then the rest.
   */
  static Object[] insert(int count, Object[] entries, int at, List<Object> inserted) {
    List<Object> out = new ArrayList<>(count + inserted.size());
    int i = 0;
    int slot = 0;
    while (slot < at && i < count) {
      out.add(entries[i]);
      slot += size(entries[i++]);
    }
    if (slot > at) {
      throw new UnsupportedAdvice("a two-slot local across the parameters' end");
    }
    for (; slot < at; slot++) {
      out.add(Opcodes.TOP);
    }
    out.addAll(inserted);
    for (; i < count; i++) {
      out.add(entries[i]);
    }
    return out.toArray();
  }

  /** {@code base}, then the entries of {@code entries} from slot {@code from} on. */
  static Object[] append(List<Object> base, int count, Object[] entries, int from) {
    List<Object> out = new ArrayList<>(base);
    int slot = 0;
    for (int i = 0; i < count; i++) {
      if (slot >= from) {
        out.add(entries[i]);
      }
      slot += size(entries[i]);
    }
    return out.toArray();
  }

  static int size(Object entry) {
    return entry == Opcodes.LONG || entry == Opcodes.DOUBLE ? 2 : 1;
  }
}
