package dev.recordingsindexer.api.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP API listens and answers: its port, the public base URL written into every link, the
 * browser origins allowed by CORS, the secret that signs page tokens, and what it accepts from one
 * client.
 *
 * @param port the TCP port; 0 picks a free one (tests)
 * @param publicBaseUrl the absolute base of every URL in a response (no trailing slash needed), or
 *     null to take it from each request's scheme and {@code Host}
 * @param allowedOrigins browser origins allowed by CORS; {@code "*"} allows any; never empty
 * @param tokenSecret signs page tokens; instances sharing an application id share it; at least 16
 *     bytes
 * @param limits timeouts, request rates and failed-authentication limits
 */
public record ApiSettings(
    int port,
    String publicBaseUrl,
    List<String> allowedOrigins,
    byte[] tokenSecret,
    HttpLimits limits) {

  private static final int MIN_SECRET_BYTES = 16;

  public ApiSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    publicBaseUrl = publicBaseUrl == null ? null : normalizedBase(publicBaseUrl);
    allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
    if (allowedOrigins.isEmpty()) {
      throw new IllegalArgumentException("allowedOrigins must not be empty; use \"*\" for any");
    }
    Objects.requireNonNull(tokenSecret, "tokenSecret");
    if (tokenSecret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "tokenSecret must have at least " + MIN_SECRET_BYTES + " bytes: " + tokenSecret.length);
    }
    tokenSecret = tokenSecret.clone();
    Objects.requireNonNull(limits, "limits");
  }

  /** Settings with {@link HttpLimits#defaults()}. */
  public ApiSettings(
      int port, String publicBaseUrl, List<String> allowedOrigins, byte[] tokenSecret) {
    this(port, publicBaseUrl, allowedOrigins, tokenSecret, HttpLimits.defaults());
  }

  @Override
  public byte[] tokenSecret() {
    return tokenSecret.clone();
  }

  private static String normalizedBase(String base) {
    try {
      URI uri = new URI(base);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "publicBaseUrl must be an absolute http(s) URL: " + base);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("publicBaseUrl is not a URL: " + base, e);
    }
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
