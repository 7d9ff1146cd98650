package dev.recordingsindexer.api.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP Basic authentication as Twilio does it: user = account SID, password = its auth token. The
 * authenticated account is kept on the request; every {@code /v1} handler reads it from there, so a
 * handler can never run for an unauthenticated caller.
 */
final class BasicAuth {

  static final String REALM = "recordings-indexer";

  private static final String ACCOUNT_ATTRIBUTE = BasicAuth.class.getName() + ".account";
  private static final String SCHEME = "basic ";

  private final Accounts accounts;

  BasicAuth(Accounts accounts) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  /**
   * Checks the request's {@code Authorization} header and remembers the account.
   *
   * @throws ApiException 401 when the header is missing, malformed, or names a wrong account/token
   */
  void authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null
        || header.length() <= SCHEME.length()
        || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw ApiException.unauthenticated(REALM);
    }
    String credentials;
    try {
      credentials =
          new String(
              Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.unauthenticated(REALM);
    }
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      throw ApiException.unauthenticated(REALM);
    }
    String account =
        accounts
            .authenticate(credentials.substring(0, colon), credentials.substring(colon + 1))
            .orElseThrow(() -> ApiException.unauthenticated(REALM));
    ctx.attribute(ACCOUNT_ATTRIBUTE, account);
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
}
