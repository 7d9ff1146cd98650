package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into a response: Twilio's error body with {@code
 * application/json}, the status and code, and the headers the status needs ({@code
 * WWW-Authenticate}, {@code Allow}, {@code Retry-After}). Anything unexpected becomes a 500 whose
 * body says nothing about the cause; the cause is logged with a request id that the response
 * carries in {@value #REQUEST_ID_HEADER}, so an operator can find it. Errors Jetty raises before
 * routing are written by {@link JettyErrors} with the same codes.
 *
 * <p>Codes by status: Twilio's own where it has one (400 20001, 401 20003, 404 20404, 405 20004,
 * 429 20429, 500 20500, 503 20503); any other 4xx (414, 431, 413, ...) is 20001, since the request
 * is invalid and Twilio has no code of its own for it; any other 5xx is 20500.
 */
final class ErrorResponses {

  /** The response header naming a failure in the server's log (as Twilio's own, RQ + 32 hex). */
  static final String REQUEST_ID_HEADER = "Twilio-Request-Id";

  static final String INTERNAL_ERROR = "An internal server error occurred";

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorResponses() {}

  /** Answers {@code ctx} for {@code failure}. */
  static void answer(Exception failure, Context ctx) {
    if (failure instanceof ApiException api) {
      api.headers().forEach(ctx::header);
      write(ctx, api.status(), api.code(), api.getMessage());
    } else if (failure instanceof QueryUnavailableException unavailable) {
      long seconds = Math.max(1, unavailable.retryAfter().toSeconds());
      LOG.warn("Answering 503 to {} {}: {}", ctx.method(), ctx.path(), unavailable.getMessage());
      LOG.debug("Cause of the 503", unavailable);
      ctx.header("Retry-After", Long.toString(seconds));
      write(ctx, 503, 20503, "Service unavailable: " + unavailable.getMessage());
    } else if (failure instanceof HttpResponseException http) {
      answerFramework(http, ctx);
    } else {
      String id = newRequestId();
      LOG.error("Unexpected failure answering {} {} [{}]", ctx.method(), ctx.path(), id, failure);
      ctx.header(REQUEST_ID_HEADER, id);
      write(ctx, 500, 20500, INTERNAL_ERROR);
    }
  }

  /**
   * Answers a {@link Error} that escaped a handler (Javalin hands those over without a context):
   * the generic 500, the error logged with the request id.
   */
  static void answerError(HttpServletResponse response, Error error) {
    String id = newRequestId();
    LOG.error("Fatal error answering a request [{}]", id, error);
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(500);
    response.setContentType("application/json");
    response.setHeader(REQUEST_ID_HEADER, id);
    try {
      response.getOutputStream().write(JsonBodies.error(500, 20500, INTERNAL_ERROR));
    } catch (IOException e) {
      LOG.debug("Could not write the 500 [{}]", id, e);
    }
  }

  /** Twilio's error code for an HTTP status (see the class comment). */
  static int codeFor(int status) {
    return switch (status) {
      case 401 -> 20003;
      case 404 -> 20404;
      case 405 -> 20004;
      case 429 -> 20429;
      case 503 -> 20503;
      default -> status >= 500 ? 20500 : 20001;
    };
  }

  /** A fresh id for one failure, in Twilio's request id shape ({@code RQ} + 32 hex digits). */
  static String newRequestId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "RQ" + HexFormat.of().formatHex(bytes);
  }

  private static void answerFramework(HttpResponseException http, Context ctx) {
    int status = http.getStatus();
    if (status == 404) {
      write(ctx, 404, 20404, "The requested resource " + ctx.path() + " was not found");
    } else if (status >= 500) {
      String id = newRequestId();
      LOG.error("Framework failure answering {} {} [{}]", ctx.method(), ctx.path(), id, http);
      ctx.header(REQUEST_ID_HEADER, id);
      write(ctx, status, codeFor(status), INTERNAL_ERROR);
    } else {
      write(ctx, status, codeFor(status), safeMessage(http, status));
    }
  }

  private static String safeMessage(HttpResponseException http, int status) {
    String message = http.getMessage();
    return message == null || message.isBlank() ? "HTTP " + status : message;
  }

  private static void write(Context ctx, int status, int code, String message) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(JsonBodies.error(status, code, message));
  }
}
