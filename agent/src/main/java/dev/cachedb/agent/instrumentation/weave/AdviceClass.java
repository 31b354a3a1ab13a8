package dev.cachedb.agent.instrumentation.weave;

import java.io.IOException;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * An advice class read from the agent's jar (never loaded): its class file, kept to copy the
 * advice's code from, and its enter and exit methods. {@link #read} fails with
 * {@link UnsupportedAdvice} for advice the inliner was not written for.
 */
public final class AdviceClass {
  final byte[] bytes;
  final AdviceMethod enter;
  final AdviceMethod exit;

  AdviceClass(byte[] bytes, AdviceMethod enter, AdviceMethod exit) {
    this.bytes = bytes;
    this.enter = enter;
    this.exit = exit;
  }

  /** Reads advice class {@code name} through {@code loader}'s resources. */
  public static AdviceClass read(String name, ClassLoader loader) throws IOException {
    byte[] bytes = ClassFiles.read(loader, name);
    AdviceReader reader = new AdviceReader();
    new ClassReader(bytes).accept(reader, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
    if (reader.enter() == null && reader.exit() == null) {
      throw new UnsupportedAdvice("no advice method in " + name);
    }
    return new AdviceClass(bytes, reader.enter(), reader.exit());
  }
}
