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
