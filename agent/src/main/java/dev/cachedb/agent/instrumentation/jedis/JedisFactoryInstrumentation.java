package dev.cachedb.agent.instrumentation.jedis;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.cachedb.agent.instrumentation.AdviceTarget;
import dev.cachedb.agent.instrumentation.TypeInstrumentation;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The pools' object factories ({@code JedisFactory}, and 4.0's {@code ConnectionFactory}): the
 * AUTH, SELECT, PING and QUIT they send to make, check and retire connections are pool upkeep.
 */
public final class JedisFactoryInstrumentation implements TypeInstrumentation {
  private final ElementMatcher<TypeDescription> types;

  public JedisFactoryInstrumentation(ElementMatcher<TypeDescription> types) {
    this.types = types;
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return types;
  }

  @Override
  public void transform(AdviceTarget target) {
    target.applyAdvice(
        namedOneOf(
            "makeObject", "validateObject", "activateObject", "passivateObject", "destroyObject"),
        "dev.cachedb.agent.instrumentation.jedis.JedisConnectionAdvice$SetupAdvice");
  }
}
