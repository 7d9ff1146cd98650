package dev.recordingsindexer.api.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Basic authentication as Twilio does it: user = account SID, password = its auth token. The
 * authenticated account is kept on the request; every {@code /v1} handler reads it from there, so a
 * handler can never run for an unauthenticated caller.
 *
 * <p>Failed attempts (wrong or malformed credentials; a request without any is not an attempt) are
 * counted by {@link AuthThrottle}, which refuses attempts from a client address that failed too
 * often before the token is compared.
 */
final class BasicAuth {

  static final String REALM = "recordings-indexer";

  private static final String ACCOUNT_ATTRIBUTE = BasicAuth.class.getName() + ".account";
  private static final String SCHEME = "basic ";

  private final Accounts accounts;
  private final AuthThrottle throttle;
  private final ClientAddress clientAddress;

  BasicAuth(Accounts accounts, AuthThrottle throttle, ClientAddress clientAddress) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
  }

  /**
   * Checks the request's {@code Authorization} header and remembers the account.
   *
   * @throws ApiException 401 when the header is missing, malformed, or names a wrong account/token;
   *     429 when this client address failed too often
   */
  void authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      throw ApiException.unauthenticated(REALM);
    }
    String address = clientAddress.of(ctx);
    Optional<Credentials> given = Credentials.parse(header);
    String user = given.map(Credentials::user).orElse(null);
    throttle.checkAllowed(user, address);
    Optional<String> account = given.flatMap(c -> accounts.authenticate(c.user(), c.password()));
    if (account.isEmpty()) {
      throttle.failed(user, address);
      throw ApiException.unauthenticated(REALM);
    }
    ctx.attribute(ACCOUNT_ATTRIBUTE, account.get());
  }

  /**
   * The account authenticated for this request.
   *
   * @throws ApiException 401 when the request was not authenticated
   */
  static String account(Context ctx) {
    String account = ctx.attribute(ACCOUNT_ATTRIBUTE);
    if (account == null) {
      throw ApiException.unauthenticated(REALM);
    }
    return account;
  }

  /** A Basic {@code Authorization} header's user and password. */
  private record Credentials(String user, String password) {

    @Override
    public String toString() {
      return "Credentials[user=" + user + "]";
    }

    /** The credentials of a well-formed header; empty for any other. */
    static Optional<Credentials> parse(String header) {
      if (header.length() <= SCHEME.length()
          || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
        return Optional.empty();
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
  }
}
