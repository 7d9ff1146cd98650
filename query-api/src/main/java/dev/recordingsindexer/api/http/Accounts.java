package dev.recordingsindexer.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The accounts allowed to call the API and their auth tokens, checked as HTTP Basic credentials.
 *
 * <p>Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken
 * depends neither on how much of a token matches nor on its length; an unknown account costs the
 * same comparison against a dummy digest. Immutable and thread-safe.
 */
public final class Accounts {

  private static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-fA-F]{32}$");
  private static final byte[] NO_ACCOUNT = sha256("\0no-such-account\0");

  private final Map<String, byte[]> tokenDigests;

  private Accounts(Map<String, byte[]> tokenDigests) {
    this.tokenDigests = Map.copyOf(tokenDigests);
  }

  /** Accounts from a map of account SID to auth token. */
  public static Accounts of(Map<String, String> tokens) {
    Map<String, byte[]> digests = new HashMap<>();
    tokens.forEach(
        (sid, token) -> {
          if (sid == null || !ACCOUNT_SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("not an account SID (AC + 32 hex): " + sid);
          }
          if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("empty auth token for account " + sid);
          }
          digests.put(sid, sha256(token));
        });
    return new Accounts(digests);
  }

  /** Accounts from a JSON file {@code {"AC...": "token", ...}}; fails naming the file. */
  public static Accounts load(Path file) {
    try {
      Map<String, String> tokens =
          new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
      return of(tokens);
    } catch (JsonProcessingException e) {
      // Not chained: Jackson's message quotes the offending text, which may be a token.
      throw new IllegalArgumentException(
          "bad accounts file "
              + file
              + ": not a JSON object of account SIDs to auth token strings"
              + JsonProblem.where(e));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read accounts file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad accounts file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The account SID when the token is that account's, else empty. */
  public Optional<String> authenticate(String accountSid, String token) {
    byte[] expected = tokenDigests.getOrDefault(accountSid, NO_ACCOUNT);
    boolean matches = MessageDigest.isEqual(expected, sha256(token));
    return matches && expected != NO_ACCOUNT ? Optional.of(accountSid) : Optional.empty();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
