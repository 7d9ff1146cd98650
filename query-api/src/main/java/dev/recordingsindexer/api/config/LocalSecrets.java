package dev.recordingsindexer.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.api.http.JsonProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets a single machine can make up for itself on first start and must keep afterwards: the
 * page-token secret (so tokens survive a restart) and the demo account (so printed credentials stay
 * valid). Files are written whole through a rename and readable by the owner only where the file
 * system allows it.
 */
public final class LocalSecrets {

  /** The file under {@code STATE_DIR} holding the generated page-token secret. */
  public static final String TOKEN_SECRET_FILE = "token-secret";

  /** The file under {@code DATA_DIR} holding the generated demo account. */
  public static final String DEMO_ACCOUNTS_FILE = "demo-accounts.json";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalSecrets() {}

  /** The page-token secret kept in {@code stateDir}, generated (32 random bytes) if absent. */
  public static String tokenSecret(Path stateDir) {
    Path file = stateDir.resolve(TOKEN_SECRET_FILE);
    try {
      if (!Files.exists(file)) {
        writeAtomically(file, randomHex(32));
      }
      String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (secret.length() < 16) {
        throw new ConfigException(
            "TOKEN_SECRET", "the generated secret in " + file + " is damaged");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  /**
   * The demo accounts file in {@code dataDir}: one account with a random SID and token, created on
   * first call and reused afterwards.
   */
  public static Path demoAccountsFile(Path dataDir) {
    Path file = dataDir.resolve(DEMO_ACCOUNTS_FILE);
    try {
      if (!Files.exists(file)) {
        String sid = "AC" + randomHex(16);
        writeAtomically(file, JSON.writeValueAsString(Map.of(sid, randomHex(16))));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /**
   * The first account of an accounts file (by SID), whose credentials the service prints and for
   * which {@code --demo} writes its events.
   */
  public static Map.Entry<String, String> firstAccount(Path accountsFile) {
    try {
      TreeMap<String, String> accounts =
          JSON.readValue(accountsFile.toFile(), new TypeReference<TreeMap<String, String>>() {});
      if (accounts.isEmpty()) {
        throw new ConfigException("ACCOUNTS_FILE", accountsFile + " holds no account");
      }
      return accounts.firstEntry();
    } catch (JsonProcessingException e) {
      // Not chained: Jackson's message quotes the offending text, which may be a token.
      throw new ConfigException(
          "ACCOUNTS_FILE",
          accountsFile
              + " is not a JSON object of account SIDs to auth token strings"
              + JsonProblem.where(e));
    } catch (IOException e) {
      throw new ConfigException("ACCOUNTS_FILE", "cannot read " + accountsFile, e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    if (!temp.toFile().setReadable(false, false) || !temp.toFile().setReadable(true, true)) {
      throw new IOException("cannot restrict the permissions of " + temp);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
