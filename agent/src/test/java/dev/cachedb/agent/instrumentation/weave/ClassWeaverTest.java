package dev.cachedb.agent.instrumentation.weave;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weaves {@link WovenTarget} with {@link TestAdvice}, defines the result in a class loader of its
 * own (so the JVM verifies it) and runs it: the methods keep their results and exceptions, and
 * the advice sees what Byte Buddy's inlined advice would see.
 */
class ClassWeaverTest {
  private static final String TARGET = WovenTarget.class.getName();
  private final ClassLoader loader = getClass().getClassLoader();

  @BeforeEach
  void clear() {
    TestAdvice.EVENTS.clear();
  }

  @Test
  void timedAdviceSeesArgumentEnterValueResultAndException() throws Throwable {
    Object target = woven(named("fail").or(named("trim")), "Timed").newInstance("t");

    assertThat(call(target, "trim", "  a  ")).isEqualTo("a");
    assertThatThrownBy(() -> call(target, "fail", "boom"))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(TestAdvice.EVENTS).containsExactly(
        "enter   a  ", "exit 42   a   a -", // the argument as it came in, not as reassigned
        "enter boom", "exit 42 boom null IllegalStateException");
  }

  @Test
  void primitiveResultsKeepTheirValuesAndTheMethodsOwnHandlersTheirExceptions() throws Throwable {
    Object target = woven(named("recover"), "Primitive").newInstance("t");
    assertThat(call(target, "recover", "x")).isEqualTo(-1);
    assertThat(call(target, "recover", "7")).isEqualTo(7);
    assertThat(TestAdvice.EVENTS).containsExactly("result x -1", "result 7 7");
  }

  @Test
  void adviceThatThrowsNeverReachesTheMethodOrItsCaller() throws Throwable {
    Object target = woven(named("twice").or(named("sum")).or(named("fail")), "Throwing")
        .newInstance("t");
    assertThat(call(target, "twice", 21L)).isEqualTo(42L);
    assertThat(call(target, "sum", new double[] {1, 2.5})).isEqualTo(3.5);
    assertThatThrownBy(() -> call(target, "fail", "boom"))
        .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(TestAdvice.EVENTS).containsExactly(
        "throwing enter", "throwing exit", "throwing enter", "throwing exit",
        "throwing enter", "throwing exit");
  }

  @Test
  void aSuppressedThrowableGoesToTheHookWithItsSite() throws Throwable {
    Object target = woven(named("twice").or(named("fail")), "Throwing").newInstance("t");
    try (SuppressedHook hook = SuppressedHook.install()) {
      assertThat(call(target, "twice", 21L)).isEqualTo(42L);
      assertThatThrownBy(() -> call(target, "fail", "boom"))
          .isInstanceOf(IllegalStateException.class).hasMessage("boom");
      assertThat(hook.seen).containsExactly(
          "test/Throwing enter", "test/Throwing exit", "test/Throwing enter", "test/Throwing exit");
    }
  }

  @Test
  void localsAndFieldsAreSharedBetweenEnterAndExit() throws Throwable {
    Object target = woven(named("sum"), "Local").newInstance("abcd");
    assertThat(call(target, "sum", new double[] {1, 2})).isEqualTo(3.0);
    assertThat(TestAdvice.EVENTS).containsExactly("local 12");
  }

  @Test
  void constructorExitAndStaticMethodsAreAdvised() throws Throwable {
    Constructor<?> constructor = woven(isConstructor(), "Constructed");
    assertThat(constructor.newInstance("made")).isNotNull();
    Class<?> type = woven(named("twiceStatic"), "Static").getDeclaringClass();
    assertThat(type.getMethod("twiceStatic", int.class).invoke(null, 4)).isEqualTo(8);
    assertThat(TestAdvice.EVENTS).containsExactly("constructed made true", "static 4");
  }

  @Test
  void aSettingTheInlinerDoesNotCoverIsDeclined() {
    assertThatThrownBy(() -> woven(named("nothing"), "Skipping"))
        .isInstanceOf(UnsupportedAdvice.class);
  }

  @Test
  void aClassWithoutMatchingMethodsIsNotRewritten() throws Throwable {
    assertThat(weave(named("noSuchMethod"), "Timed")).isNull();
  }

  private Constructor<?> woven(ElementMatcher<? super MethodDescription> methods, String advice)
      throws Exception {
    byte[] bytes = weave(methods, advice);
    assertThat(bytes).isNotNull();
    Class<?> type = WovenClass.define(loader, TARGET, bytes);
    assertThat(type.getDeclaredMethods()).isNotEmpty();
    return type.getConstructor(String.class);
  }

  private byte[] weave(ElementMatcher<? super MethodDescription> methods, String advice)
      throws Exception {
    ClassReader reader = new ClassReader(ClassFiles.read(loader, TARGET));
    AdviceClass adviceClass = AdviceClass.read(TestAdvice.class.getName() + "$" + advice, loader);
    return ClassWeaver.weave(reader, new TypeDescription.Latent(TARGET, 0, null),
        Collections.singletonList(
            new ClassWeaver.Advised(methods, adviceClass, "test/" + advice)));
  }

  private static Object call(Object target, String name, Object... args) throws Throwable {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(name + Arrays.toString(args));
  }
}
