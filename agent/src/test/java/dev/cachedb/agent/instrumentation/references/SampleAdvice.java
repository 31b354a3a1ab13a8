package dev.cachedb.agent.instrumentation.references;

import java.net.Socket;
import net.bytebuddy.asm.Advice;
import samplelib.Command;

/** Advice as a module writes it, naming library members the collector must find. */
final class SampleAdvice {
  private SampleAdvice() {}

  static final class Enter {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object self, @Advice.FieldValue("socket") Socket socket) {
      Command command = (Command) self;
      SampleHook.called(command.getType().name(), command.retries, socket);
    }
  }
}
