package dev.cachedb.testapp;

/** One kind of work the test application does over and over, like a legacy service's request. */
interface Workload extends AutoCloseable {

  String name();

  /** Connects and creates what the work needs. */
  void setUp() throws Exception;

  /** One round of work. Deterministic: the same calls, in the same order, every round. */
  void runOnce() throws Exception;

  @Override
  void close() throws Exception;
}
