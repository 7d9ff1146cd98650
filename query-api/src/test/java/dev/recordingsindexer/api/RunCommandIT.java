package dev.recordingsindexer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recordingsindexer.api.broker.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command works: the shaded jar with {@code --demo} starts its own broker, becomes
 * ready, prints working credentials, lists the demo recordings, and exits cleanly on SIGTERM. Needs
 * {@code package} first (failsafe runs after it).
 */
class RunCommandIT {

  private static final Path JAR = Path.of("target/recordings-indexer.jar");
  private static final Pattern CURL = Pattern.compile("curl -u (AC[0-9a-f]{32}):([0-9a-f]+) ");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void shouldServeTheDemoDataAndStopCleanlyOnSigterm() throws Exception {
    assertThat(JAR).as("the shaded jar (run mvn package first)").exists();
    int port = FreePorts.pick();
    Path stdout = dataDir.resolve("stdout.txt");
    ProcessBuilder builder =
        new ProcessBuilder("java", "-Xmx512m", "-jar", JAR.toString(), "--demo")
            .redirectOutput(stdout.toFile())
            .redirectError(dataDir.resolve("stderr.txt").toFile());
    builder.environment().put("HTTP_PORT", String.valueOf(port));
    builder.environment().put("DATA_DIR", dataDir.resolve("data").toString());
    builder.environment().put("STATE_DIR", dataDir.resolve("data/state").toString());
    builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
    Process process = builder.start();
    try {
      String base = "http://localhost:" + port;
      await("the service answers /readyz with 200")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(IOException.class)
          .failFast(
              "the service process exited: " + dataDir.resolve("stderr.txt"),
              () -> !process.isAlive())
          .until(() -> status(base + "/readyz", null) == 200);
      await("the demo credentials are printed")
          .atMost(Duration.ofSeconds(30))
          .until(() -> CURL.matcher(Files.readString(stdout)).find());
      Matcher credentials = CURL.matcher(Files.readString(stdout));
      assertThat(credentials.find()).isTrue();
      String auth = credentials.group(1) + ":" + credentials.group(2);

      await("the demo recordings are listed")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> recordingCount(base + "/v1/Recordings?PageSize=100", auth) == 100);
      assertThat(status(base + "/v1/Recordings", credentials.group(1) + ":wrong")).isEqualTo(401);

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits within a minute").isTrue();
      assertThat(process.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
    } finally {
      process.destroyForcibly();
    }
  }

  private static int status(String url, String credentials)
      throws IOException, InterruptedException {
    return HTTP.send(request(url, credentials), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int recordingCount(String url, String credentials) throws Exception {
    HttpResponse<String> response =
        HTTP.send(request(url, credentials), HttpResponse.BodyHandlers.ofString());
    JsonNode body = new ObjectMapper().readTree(response.body());
    return response.statusCode() == 200 ? body.get("recordings").size() : -1;
  }

  private static HttpRequest request(String url, String credentials) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (credentials != null) {
      builder.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return builder.build();
  }
}
