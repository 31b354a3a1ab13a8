package samplelib;

/** A stand-in library type for the reference check's tests (outside the agent's packages). */
public interface Keyword {
  String name();

  byte[] getBytes();
}
