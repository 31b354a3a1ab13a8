package dev.cachedb.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachedb.agent.bootstrap.CallDepth;
import dev.cachedb.agent.instrumentation.oracle.Behaviour;
import dev.cachedb.agent.instrumentation.oracle.ByteBuddyWeaving;
import dev.cachedb.agent.instrumentation.oracle.HookRecorder;
import dev.cachedb.agent.instrumentation.oracle.JdbcSample;
import dev.cachedb.agent.instrumentation.oracle.JedisSample;
import dev.cachedb.agent.instrumentation.oracle.LettuceCommandSample;
import dev.cachedb.agent.instrumentation.oracle.LettuceSample;
import dev.cachedb.agent.instrumentation.oracle.PoolSample;
import dev.cachedb.agent.instrumentation.oracle.JCacheSample;
import dev.cachedb.agent.instrumentation.oracle.SpringCacheSample;
import dev.cachedb.agent.instrumentation.weave.AdviceClass;
import dev.cachedb.agent.instrumentation.weave.ClassFiles;
import dev.cachedb.agent.instrumentation.weave.ClassWeaver;
import dev.cachedb.agent.instrumentation.weave.WovenClass;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Byte Buddy's inlined advice is the oracle of what our weaver must do. Every advice class of
 * every module is woven into sample targets with the methods it advises, once by Byte Buddy and
 * once by ours; both copies run every method with the target returning and throwing and the
 * hooks' recorders working and failing, and must give the same results, the same exceptions,
 * the same hook calls with the same arguments, and the same suppressed errors.
 */
class WeavingOracleTest {
  private static final Class<?>[] SAMPLES = {
    JdbcSample.class, PoolSample.class, JedisSample.class, LettuceSample.class,
    LettuceCommandSample.class, SpringCacheSample.class, JCacheSample.class
  };
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void ourWeavingBehavesAsByteBuddysForEveryAdviceOfTheAgent() throws Throwable {
    Set<String> sites = new TreeSet<>();
    Set<String> woven = new TreeSet<>();
    Set<String> hooksSeen = new TreeSet<>();
    for (InstrumentationModule module : Instrumentations.all()) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        type.transform(
            (methods, advice) -> sites.add(AdviceErrorRecorder.site(module.name(), advice)));
        for (Class<?> sample : SAMPLES) {
          List<ClassWeaver.Advised> ours = new ArrayList<>();
          ByteBuddyWeaving oracle = new ByteBuddyWeaving(loader);
          List<String> matched = new ArrayList<>();
          type.transform((methods, advice) -> {
            String site = AdviceErrorRecorder.site(module.name(), advice);
            if (matchesAny(methods, sample)) {
              matched.add(site);
              oracle.add(methods, advice, site);
              ours.add(new ClassWeaver.Advised(methods, adviceClass(advice), site));
            }
          });
          if (!matched.isEmpty()) {
            woven.addAll(matched);
            compare(module.name() + " on " + sample.getSimpleName(), sample,
                oracle.weave(sample.getName()), ours(sample, ours), hooksSeen);
          }
        }
      }
    }
    assertThat(woven).as("advice without a sample target").isEqualTo(sites);
    assertThat(hooksSeen).as("hooks the samples reached")
        .contains(
            "AdviceErrors", "JedisCalls", "LettuceCalls", "JdbcCalls", "PoolCalls", "CacheCalls");
  }

  private void compare(String what, Class<?> sample, byte[] byteBuddy, byte[] ours,
      Set<String> hooksSeen) throws Throwable {
    Class<?> oracle = WovenClass.define(loader, sample.getName(), byteBuddy);
    Class<?> candidate = WovenClass.define(loader, sample.getName(), ours);
    for (boolean targetThrows : new boolean[] {false, true}) {
      for (boolean sinksThrow : new boolean[] {false, true}) {
        String mode = what + (targetThrows ? ", target throws" : "")
            + (sinksThrow ? ", recorders throw" : "");
        List<String> expected = run(oracle, targetThrows, sinksThrow);
        assertThat(run(candidate, targetThrows, sinksThrow)).as(mode).isEqualTo(expected);
        for (String e : expected) {
          if (e.indexOf('.') > 0 && !e.startsWith("call ")) {
            hooksSeen.add(e.substring(0, e.indexOf('.')));
          }
        }
      }
    }
  }

  /** Every method of a new instance, in a fixed order, twice: what each returned or threw. */
  private static List<String> run(Class<?> type, boolean targetThrows, boolean sinksThrow)
      throws Throwable {
    try (HookRecorder hooks = new HookRecorder()) {
      hooks.sinksThrow = sinksThrow;
      Arrays.fill(CallDepth.counters(), 0);
      Object instance = type.getConstructor().newInstance();
      hooks.events.add("call <init>");
      List<Method> methods = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
      methods.sort(Comparator.comparing(Method::toString));
      // Twice: a reply read in the second round pairs with a command sent in the first.
      methods.addAll(new ArrayList<>(methods));
      for (Method m : methods) {
        Arrays.fill(CallDepth.counters(), 0);
        Behaviour.targetThrows = targetThrows;
        String outcome;
        try {
          outcome = "returned " + HookRecorder.describe(m.invoke(instance, arguments(m)));
        } catch (InvocationTargetException e) {
          outcome = "threw " + HookRecorder.describe(e.getCause());
        } finally {
          Behaviour.targetThrows = false;
        }
        hooks.events.add("call " + m.getName() + " " + outcome);
      }
      return new ArrayList<>(hooks.events);
    }
  }

  private static Object[] arguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = argument(types[i]);
    }
    return args;
  }

  private static Object argument(Class<?> type) {
    if (type == String.class) {
      return "select name from customers where id = 1";
    } else if (type == long.class) {
      return HookRecorder.SAMPLE_LONG;
    } else if (type == boolean.class) {
      return true;
    } else if (type == byte[][].class) {
      return new byte[][] {"k".getBytes(StandardCharsets.UTF_8)};
    } else if (type == ProtocolCommand.class) {
      return Protocol.Command.GET;
    } else if (type == CommandArguments.class) {
      return new CommandArguments(Protocol.Command.GET).add("k");
    } else if (type == RedisCommand.class) {
      return command();
    } else if (type == Collection.class) {
      return Collections.singletonList(command());
    } else if (type == ByteBuffer.class) {
      return ByteBuffer.wrap("v".getBytes(StandardCharsets.UTF_8));
    } else if (type == RedisURI.class) {
      return RedisURI.create("redis://localhost:6390");
    } else if (type == Set.class) {
      return Collections.singleton("k");
    } else if (type == java.util.Map.class) {
      return Collections.singletonMap("k", "v");
    } else if (type == Class.class) {
      return String.class;
    } else if (type == java.util.concurrent.Callable.class) {
      return (java.util.concurrent.Callable<String>) () -> "loaded";
    } else if (type == java.util.Properties.class) {
      return new java.util.Properties();
    } else if (type == Throwable.class) {
      return new IllegalArgumentException("the cause");
    }
    return new Object();
  }

  private static Command<String, String, String> command() {
    return new Command<>(CommandType.GET, new ValueOutput<>(StringCodec.UTF8));
  }

  private static boolean matchesAny(
      ElementMatcher<? super MethodDescription> methods, Class<?> sample) {
    for (MethodDescription m : TypeDescription.ForLoadedType.of(sample).getDeclaredMethods()) {
      if (methods.matches(m)) {
        return true;
      }
    }
    return false;
  }

  private static AdviceClass adviceClass(String name) {
    try {
      return AsmWeaver.advice(name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] ours(Class<?> sample, List<ClassWeaver.Advised> advised) throws Exception {
    byte[] bytes = ClassFiles.read(loader, sample.getName());
    return ClassWeaver.weave(new ClassReader(bytes), HeaderType.of(ClassHeader.parse(bytes)),
        advised);
  }
}
