package dev.recordingsindexer.api;

/** The runnable entry point: the service, or one of its tools (see {@code --help}). */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
