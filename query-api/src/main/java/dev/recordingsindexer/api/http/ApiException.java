package dev.recordingsindexer.api.http;

import java.util.Map;
import java.util.Objects;

/**
 * An answer other than 200, raised anywhere in the HTTP layer and turned into Twilio's error body
 * by {@link ErrorResponses}, the one place that writes errors.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final int code;
  private final transient Map<String, String> headers;

  private ApiException(int status, int code, String message, Map<String, String> headers) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  /** 400 (20001): a parameter's value is invalid; the message names the parameter and why. */
  static ApiException badParameter(String parameter, String why) {
    return new ApiException(400, 20001, parameter + ": " + why, Map.of());
  }

  /** 400 (20001): the request as a whole is unacceptable (not one parameter's value). */
  static ApiException badRequest(String why) {
    return new ApiException(400, 20001, why, Map.of());
  }

  /**
   * 414 (20001; Twilio has no code of its own for it): the request target is longer than {@code
   * max} characters.
   */
  static ApiException uriTooLong(int max) {
    return new ApiException(
        414,
        20001,
        "URI Too Long: the path and query may have at most " + max + " characters",
        Map.of());
  }

  /** 429 (20429) with {@code Retry-After} in whole seconds (at least 1) after {@code waitNanos}. */
  static ApiException tooManyRequests(String why, long waitNanos) {
    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    return new ApiException(
        429, 20429, "Too Many Requests: " + why, Map.of("Retry-After", Long.toString(seconds)));
  }

  /** 401 (20003) with the Basic challenge. */
  static ApiException unauthenticated(String realm) {
    return new ApiException(
        401, 20003, "Authenticate", Map.of("WWW-Authenticate", "Basic realm=\"" + realm + "\""));
  }

  /** 404 (20404). */
  static ApiException notFound(String what) {
    return new ApiException(
        404, 20404, "The requested resource " + what + " was not found", Map.of());
  }

  /** 405 (20004) with {@code Allow}. */
  static ApiException methodNotAllowed(String method, String allow) {
    return new ApiException(405, 20004, "Method not allowed: " + method, Map.of("Allow", allow));
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }

  Map<String, String> headers() {
    return headers;
  }
}
