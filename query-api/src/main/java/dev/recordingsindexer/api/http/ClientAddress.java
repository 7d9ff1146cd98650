package dev.recordingsindexer.api.http;

import io.javalin.http.Context;
import java.util.Enumeration;

/**
 * The address a request comes from, as the authentication throttle counts it: the socket's peer
 * address; or, when configured behind one reverse proxy, the last entry of the last {@code
 * X-Forwarded-For} header (the one that proxy appended; entries before it are whatever the client
 * sent and prove nothing). Without that setting the header is ignored, since any client can send
 * it.
 */
final class ClientAddress {

  private static final int MAX_LENGTH = 64;

  private final boolean trustForwardedFor;

  ClientAddress(boolean trustForwardedFor) {
    this.trustForwardedFor = trustForwardedFor;
  }

  String of(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (!trustForwardedFor) {
      return peer;
    }
    String last = null;
    Enumeration<String> headers = ctx.req().getHeaders("X-Forwarded-For");
    while (headers != null && headers.hasMoreElements()) {
      last = headers.nextElement();
    }
    if (last == null) {
      return peer;
    }
    String entry = last.substring(last.lastIndexOf(',') + 1).trim();
    return entry.isEmpty() || entry.length() > MAX_LENGTH ? peer : entry;
  }
}
