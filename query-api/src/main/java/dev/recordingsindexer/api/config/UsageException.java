package dev.recordingsindexer.api.config;

/** A command line that cannot be understood: an unknown flag, or a flag without its value. */
public final class UsageException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
