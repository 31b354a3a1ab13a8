package samplelib;

import java.net.Socket;

/** A stand-in library class: what the sample advice casts to, calls and reads. */
public class Command {
  protected Socket socket;
  public int retries;

  public Keyword getType() {
    return null;
  }
}
