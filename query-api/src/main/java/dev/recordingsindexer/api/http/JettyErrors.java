package dev.recordingsindexer.api.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the answers Jetty gives itself, before a request reaches the routes (a malformed or
 * ambiguous request line, an oversized URI (414) or header block (431), an unsupported HTTP
 * version, a failure no route caught), as Twilio's JSON error body with the CORS headers, in place
 * of Jetty's HTML page. The message is a fixed text for the status, plus Jetty's reason when it is
 * a short plain phrase (such as "No Host"); causes never reach the body: a server failure is logged
 * with a request id that the response carries (501 and 505 answer a method or protocol version the
 * server does not speak, not a failure).
 */
final class JettyErrors extends ErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JettyErrors.class);
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,.:()/'-]{1,80}");

  private final Cors cors;
  private final HttpMetrics metrics;

  JettyErrors(Cors cors, HttpMetrics metrics) {
    this.cors = Objects.requireNonNull(cors, "cors");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    Object cause = request.getAttribute(ERROR_EXCEPTION);
    if (cause instanceof HttpException http) {
      status = http.getCode();
      message = message == null ? http.getReason() : message;
    }
    if (status < 400 || status > 599) {
      status = 500;
    }
    response.setStatus(status);
    cors.headers(request.getHeaders().get(HttpHeader.ORIGIN))
        .forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // The client went away, or fell silent past the idle timeout: nothing failed here.
    boolean clientGone = cause instanceof IOException || cause instanceof TimeoutException;
    String text;
    if (status == HttpStatus.NOT_IMPLEMENTED_501
        || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      text = HttpStatus.getMessage(status);
    } else if (status >= 500 && clientGone) {
      LOG.debug("Connection lost answering {}", request.getHttpURI().getPath(), (Throwable) cause);
      text = ErrorResponses.INTERNAL_ERROR;
    } else if (status >= 500) {
      String id = ErrorResponses.newRequestId();
      LOG.error(
          "Server failure {} answering {} {} [{}]",
          status,
          request.getMethod(),
          request.getHttpURI().getPath(),
          id,
          cause instanceof Throwable t ? t : null);
      response.getHeaders().put(ErrorResponses.REQUEST_ID_HEADER, id);
      text = ErrorResponses.INTERNAL_ERROR;
    } else {
      text = clientMessage(status, message);
    }
    if (!clientGone) {
      metrics.countRequest(request.getHttpURI().getPath(), request.getMethod(), status);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    byte[] body = JsonBodies.error(status, ErrorResponses.codeFor(status), text);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static String clientMessage(int status, Object reason) {
    String text =
        switch (status) {
          case 414 ->
              "URI Too Long: the request line may have at most "
                  + HttpLimits.MAX_REQUEST_HEADER_BYTES
                  + " bytes, its path and query at most "
                  + HttpLimits.MAX_REQUEST_TARGET
                  + " characters";
          case 431 ->
              "Request Header Fields Too Large: the request line and headers may have at most "
                  + HttpLimits.MAX_REQUEST_HEADER_BYTES
                  + " bytes";
          default -> Objects.requireNonNullElse(HttpStatus.getMessage(status), "Bad Request");
        };
    if (status != 414
        && status != 431
        && reason instanceof String plain
        && PLAIN_REASON.matcher(plain).matches()
        && !plain.equalsIgnoreCase(HttpStatus.getMessage(status))
        && !plain.toLowerCase(Locale.ROOT).contains("exception")) {
      text = text + ": " + plain;
    }
    return text;
  }
}
