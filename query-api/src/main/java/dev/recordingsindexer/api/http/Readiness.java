package dev.recordingsindexer.api.http;

import java.util.Optional;

/**
 * Whether the service can answer queries completely now; {@code /readyz} answers 200 only when it
 * can. Called on every {@code /readyz} request, so it must be cheap and thread-safe.
 */
@FunctionalInterface
public interface Readiness {

  /** Empty when ready; otherwise a short reason for operators (e.g. "stores restoring"). */
  Optional<String> whyNotReady();

  /** Always ready (tests, or a process with nothing to wait for). */
  static Readiness always() {
    return Optional::empty;
  }
}
