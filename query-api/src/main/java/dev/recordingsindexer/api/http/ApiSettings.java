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
 * @param gzipLevel the gzip level (1-9) of response bodies over 1500 bytes for clients that send
 *     {@code Accept-Encoding: gzip} (Twilio's libraries all do); 0 = never compress. A 50-item page
 *     (about 40 KB) costs about 0.2 ms of CPU at level 1 and 0.6 ms at level 6, Javalin's default,
 *     for 7.3 against 6.5 KB on the wire
 */
public record ApiSettings(
    int port,
    String publicBaseUrl,
    List<String> allowedOrigins,
    byte[] tokenSecret,
    HttpLimits limits,
    int gzipLevel) {

  /** Default {@link #gzipLevel}: the cheapest compression, most of its saving. */
  public static final int DEFAULT_GZIP_LEVEL = 1;

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
    if (gzipLevel < 0 || gzipLevel > 9) {
      throw new IllegalArgumentException("gzipLevel must be 0..9: " + gzipLevel);
    }
  }

  /** Settings with the {@link #DEFAULT_GZIP_LEVEL}. */
  public ApiSettings(
      int port,
      String publicBaseUrl,
      List<String> allowedOrigins,
      byte[] tokenSecret,
      HttpLimits limits) {
    this(port, publicBaseUrl, allowedOrigins, tokenSecret, limits, DEFAULT_GZIP_LEVEL);
  }

  /** Settings with {@link HttpLimits#defaults()} and the {@link #DEFAULT_GZIP_LEVEL}. */
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
