package dev.recordingsindexer.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.recordingsindexer.api.Service;
import dev.recordingsindexer.api.config.LocalSecrets;
import dev.recordingsindexer.api.config.ServiceConfig;
import dev.recordingsindexer.api.http.Accounts;
import dev.recordingsindexer.api.http.ApiSettings;
import dev.recordingsindexer.api.routing.PeerSecret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never in what the configuration objects print, nor in any error about them: the whole
 * printed exception (messages and causes, as a log or a crashing {@code main} would show it) must
 * not contain the token secret, the peer secret or an auth token, even when the secret itself is
 * what is wrong.
 */
class SecretsInErrorsTest {

  private static final String ACCOUNT = "AC" + "c3".repeat(16);
  private static final String AUTH_TOKEN = "5f0c1e9a7b3d2c4e8f6a1b0c9d8e7f61";
  private static final String TOKEN_SECRET = "t0ken-s3cret-never-printed-5a9e";
  private static final String PEER_SECRET = "p33r-s3cret-never-printed-c2d8";

  @TempDir Path dir;

  @Test
  void shouldPrintTheConfigurationWithoutItsSecrets() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("TOKEN_SECRET", TOKEN_SECRET, "PEER_SECRET", PEER_SECRET));

    assertThat(config.toString()).doesNotContain(TOKEN_SECRET, PEER_SECRET);
    assertThat(new PeerSecret(PEER_SECRET).toString()).doesNotContain(PEER_SECRET);
    assertThat(
            new ApiSettings(0, null, List.of("*"), TOKEN_SECRET.getBytes(StandardCharsets.UTF_8))
                .toString())
        .doesNotContain(TOKEN_SECRET);
    assertThat(new Service.Credentials(ACCOUNT, AUTH_TOKEN, dir, false).toString())
        .doesNotContain(AUTH_TOKEN);
  }

  @Test
  void shouldRejectASecretThatIsTooShortWithoutRepeatingIt() {
    for (String setting : List.of("TOKEN_SECRET", "PEER_SECRET")) {
      String shortSecret = "sh0rt-s3cret";

      Throwable failure =
          catchThrowable(() -> ServiceConfig.fromEnvironment(Map.of(setting, shortSecret)));

      assertThat(failure).isNotNull();
      assertThat(printed(failure)).contains(setting).doesNotContain(shortSecret);
    }
  }

  @Test
  void shouldReportABrokenAccountsFileWithoutItsTokens() throws Exception {
    assertNoTokenInTheErrorsAbout(
        List.of(
            "{\"" + ACCOUNT + "\": " + AUTH_TOKEN + "}",
            "{\"" + ACCOUNT + "\": \"" + AUTH_TOKEN + "\"",
            "{\"" + ACCOUNT + "\": \"" + AUTH_TOKEN + "\", \"" + ACCOUNT + "x\": \"t\"}",
            "{\"" + ACCOUNT + "\": [\"" + AUTH_TOKEN + "\"]}",
            "{\"" + ACCOUNT + "\": {\"token\": \"" + AUTH_TOKEN + "\"}}",
            "[\"" + ACCOUNT + "\", \"" + AUTH_TOKEN + "\"]",
            "{\"" + ACCOUNT + "\": \"" + AUTH_TOKEN + "\u0000\"}"));
  }

  /**
   * Jackson's message quotes the offending value, and {@code Accounts.load} and {@code
   * LocalSecrets.firstAccount} chain that exception: a token written without quotes, or a file that
   * is nothing but the token, ends up whole in the printed error of a failed start.
   */
  @Test
  void shouldReportAnUnquotedOrBareTokenWithoutRepeatingIt() throws Exception {
    assertNoTokenInTheErrorsAbout(
        List.of("{\"" + ACCOUNT + "\": t" + AUTH_TOKEN + "}", "\"" + AUTH_TOKEN + "\""));
  }

  private void assertNoTokenInTheErrorsAbout(List<String> contents) throws Exception {
    SoftAssertions softly = new SoftAssertions();
    for (String content : contents) {
      Path file = Files.writeString(dir.resolve("accounts.json"), content);
      Throwable loading = catchThrowable(() -> Accounts.load(file));
      softly.assertThat(loading).as("loading %s", content).isNotNull();
      for (Throwable failure :
          Arrays.asList(loading, catchThrowable(() -> LocalSecrets.firstAccount(file)))) {
        if (failure != null) {
          softly.assertThat(printed(failure)).as(content).doesNotContain(AUTH_TOKEN);
        }
      }
    }
    softly.assertAll();
  }

  /** The exception as a log line or an uncaught exception would show it: all of its chain. */
  private static String printed(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
