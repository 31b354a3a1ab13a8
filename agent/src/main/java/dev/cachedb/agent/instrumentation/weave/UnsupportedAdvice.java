package dev.cachedb.agent.instrumentation.weave;

/**
 * The inliner does not handle this advice or this target method (an annotation setting or a shape
 * it was not written for). The class is then handed to Byte Buddy's weaving instead.
 */
public final class UnsupportedAdvice extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedAdvice(String why) {
    super(why, null, false, false);
  }
}
