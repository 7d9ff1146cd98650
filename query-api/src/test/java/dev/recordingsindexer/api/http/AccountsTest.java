package dev.recordingsindexer.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

  private static final String ACCOUNT = "AC" + "a".repeat(32);

  @Test
  void shouldAuthenticateOnlyTheExactTokenOfAKnownAccount() {
    Accounts accounts = Accounts.of(Map.of(ACCOUNT, "s3cret"));

    assertThat(accounts.authenticate(ACCOUNT, "s3cret")).hasValue(ACCOUNT);
    assertThat(accounts.authenticate(ACCOUNT, "s3cret ")).isEmpty();
    assertThat(accounts.authenticate(ACCOUNT, "S3cret")).isEmpty();
    assertThat(accounts.authenticate(ACCOUNT, "")).isEmpty();
    assertThat(accounts.authenticate("AC" + "b".repeat(32), "s3cret")).isEmpty();
  }

  @Test
  void shouldLoadTheAccountsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("accounts.json");
    Files.writeString(file, "{\"" + ACCOUNT + "\": \"tok\"}");

    assertThat(Accounts.load(file).authenticate(ACCOUNT, "tok")).hasValue(ACCOUNT);
  }

  @Test
  void shouldFailNamingTheFileWhenItIsMissingOrInvalid(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.json");
    Path badSid = dir.resolve("bad.json");
    Files.writeString(badSid, "{\"ACnope\": \"tok\"}");
    Path notJson = dir.resolve("garbage.json");
    Files.writeString(notJson, "[1, 2");

    assertThatThrownBy(() -> Accounts.load(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> Accounts.load(badSid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(badSid.toString())
        .hasMessageContaining("ACnope");
    assertThatThrownBy(() -> Accounts.load(notJson)).hasMessageContaining(notJson.toString());
  }

  @Test
  void shouldRejectAnEmptyToken() {
    assertThatThrownBy(() -> Accounts.of(Map.of(ACCOUNT, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ACCOUNT);
  }
}
