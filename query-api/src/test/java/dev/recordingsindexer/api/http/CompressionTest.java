package dev.recordingsindexer.api.http;

import static dev.recordingsindexer.api.http.TestServer.ACCOUNT;
import static dev.recordingsindexer.api.http.TestServer.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.api.config.ConfigException;
import dev.recordingsindexer.api.config.ServiceConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Response compression: Twilio's client libraries all send {@code Accept-Encoding: gzip}, so the
 * level ({@code HTTP_GZIP_LEVEL}) decides what most list pages cost. The body inside the gzip is
 * the same bytes as the uncompressed answer.
 */
class CompressionTest {

  private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip, deflate");
  private static final String PAGE = "/v1/Recordings?PageSize=50";
  private static final FakeRecordingQueries QUERIES = new FakeRecordingQueries();
  private static TestServer byDefault;
  private static TestServer never;
  private static TestServer smallest;

  @BeforeAll
  static void start() {
    for (int n = 0; n < 60; n++) {
      QUERIES.add(recording(ACCOUNT, n));
    }
    byDefault = new TestServer(QUERIES, ApiSettings.DEFAULT_GZIP_LEVEL);
    never = new TestServer(QUERIES, 0);
    smallest = new TestServer(QUERIES, 9);
  }

  @AfterAll
  static void stop() {
    byDefault.close();
    never.close();
    smallest.close();
  }

  @Test
  void shouldGzipAListPageForAClientThatAcceptsItWithTheSameBodyInside() {
    byte[] plain = byDefault.getBytes(PAGE, Map.of()).body();
    HttpResponse<byte[]> zipped = byDefault.getBytes(PAGE, GZIP);

    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.body().length).isLessThan(plain.length / 3);
    assertThat(text(gunzip(zipped.body()))).isEqualTo(text(plain));
  }

  @Test
  void shouldNotCompressForAClientThatDoesNotAcceptGzip() {
    HttpResponse<byte[]> response = byDefault.getBytes(PAGE, Map.of("Accept-Encoding", "identity"));

    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(text(response.body())).startsWith("{\"recordings\":[");
  }

  @Test
  void shouldNeverCompressAtLevelZero() {
    HttpResponse<byte[]> response = never.getBytes(PAGE, GZIP);

    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(text(response.body())).isEqualTo(text(never.getBytes(PAGE, Map.of()).body()));
  }

  @Test
  void shouldCompressHarderAtAHigherLevel() {
    byte[] fast = byDefault.getBytes(PAGE, GZIP).body();
    byte[] small = smallest.getBytes(PAGE, GZIP).body();

    assertThat(small.length).isLessThan(fast.length);
    assertThat(text(gunzip(small))).isEqualTo(text(smallest.getBytes(PAGE, Map.of()).body()));
  }

  @Test
  void shouldReadTheLevelFromTheEnvironmentDefaultingToOne() {
    assertThat(ServiceConfig.fromEnvironment(Map.of()).httpGzipLevel()).isEqualTo(1);
    assertThat(ServiceConfig.fromEnvironment(Map.of("HTTP_GZIP_LEVEL", "0")).httpGzipLevel())
        .isZero();
    assertThat(ServiceConfig.fromEnvironment(Map.of("HTTP_GZIP_LEVEL", "9")).httpGzipLevel())
        .isEqualTo(9);
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("HTTP_GZIP_LEVEL", "10")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HTTP_GZIP_LEVEL");
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static byte[] gunzip(byte[] body) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
