package dev.recordingsindexer.api.http;

/**
 * The HTTP API: {@code /v1/Recordings}, {@code /v1/Recordings/{Sid}}, {@code /healthz}, {@code
 * /readyz} and {@code /metrics}. Start with {@link #start()}, stop with {@link #close()}.
 */
public final class ApiServer implements AutoCloseable {

  /** Starts listening; returns the bound port (useful with port 0). */
  public int start() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  public void close() {}
}
