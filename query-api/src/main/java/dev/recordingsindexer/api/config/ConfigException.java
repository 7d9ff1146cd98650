package dev.recordingsindexer.api.config;

/**
 * A configuration value that cannot be used. The message starts with the variable's name, so an
 * operator knows which line of the environment to fix.
 */
public final class ConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  public ConfigException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  public ConfigException(String variable, String problem, Throwable cause) {
    super(variable + ": " + problem, cause);
    this.variable = variable;
  }

  /** The environment variable (e.g. {@code HTTP_PORT}) whose value was rejected. */
  public String variable() {
    return variable;
  }
}
