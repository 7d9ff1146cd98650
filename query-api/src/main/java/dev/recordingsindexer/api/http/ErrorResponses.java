package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into a response: Twilio's error body with {@code
 * application/json}, the status and code, and the headers the status needs ({@code
 * WWW-Authenticate}, {@code Allow}, {@code Retry-After}). Anything unexpected becomes a 500 whose
 * body says nothing about the cause; the cause is logged.
 */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

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
      LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), failure);
      write(ctx, 500, 20500, "An internal server error occurred");
    }
  }

  private static void answerFramework(HttpResponseException http, Context ctx) {
    int status = http.getStatus();
    if (status == 404) {
      write(ctx, 404, 20404, "The requested resource " + ctx.path() + " was not found");
    } else if (status >= 500) {
      LOG.error("Framework failure answering {} {}", ctx.method(), ctx.path(), http);
      write(ctx, status, 20000 + status, "An internal server error occurred");
    } else {
      write(ctx, status, status == 400 ? 20001 : 20000 + status, safeMessage(http, status));
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
