package dev.cachedb.agent.instrumentation.weave;

/**
 * The inliner does not handle this advice or this target method (an annotation setting or a shape
 * it was not written for). The class is then left as it was and counted as a transform failure.
 */
public final class UnsupportedAdvice extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedAdvice(String why) {
    super(why, null, false, false);
  }
}
