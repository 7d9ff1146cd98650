package dev.recordingsindexer.api.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.Recording;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerRoutesTest {

  private static final String SCAN = "/internal/v1/partitions/2/scan";
  private static final String FETCH = "/internal/v1/partitions/2/recordings/" + Recordings.SID;

  private final HttpClient client = HttpClient.newHttpClient();
  private final FakeLocalReplicas local =
      new FakeLocalReplicas().with(2, Replica.ACTIVE, List.of(Recordings.full()));
  private PeerServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldAnswerNotFoundWhenNoPeerSecretIsConfigured() throws Exception {
    server = new PeerServer(Optional.empty(), local);

    assertThat(post(SCAN, PeerServer.SECRET).statusCode()).isEqualTo(404);
    assertThat(get(FETCH, PeerServer.SECRET).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseCallsWithoutTheSecretAndReturnNoData() throws Exception {
    server = new PeerServer(Optional.of(PeerServer.SECRET), local);

    HttpResponse<String> scan = post(SCAN, null);
    HttpResponse<String> fetch = get(FETCH, null);

    assertThat(scan.statusCode()).isEqualTo(401);
    assertThat(fetch.statusCode()).isEqualTo(401);
    assertThat(scan.body() + fetch.body()).doesNotContain(Recordings.SID);
  }

  @Test
  void shouldRefuseCallsWithAWrongSecret() throws Exception {
    server = new PeerServer(Optional.of(PeerServer.SECRET), local);

    assertThat(post(SCAN, PeerServer.SECRET + "x").statusCode()).isEqualTo(401);
    assertThat(get(FETCH, "a-peer-secret-of-some-lengtH").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldRefuseAccountBasicCredentials() throws Exception {
    server = new PeerServer(Optional.of(PeerServer.SECRET), local);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (Recordings.ACCOUNT + ":" + PeerServer.SECRET)
                        .getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(server.url(FETCH)))
                .header("Authorization", basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).doesNotContain(Recordings.SID);
  }

  @Test
  void shouldAnswerFromTheActiveTaskWithTheSecret() throws Exception {
    server = new PeerServer(Optional.of(PeerServer.SECRET), local);

    HttpResponse<String> scan = post(SCAN, PeerServer.SECRET);
    HttpResponse<String> fetch = get(FETCH, PeerServer.SECRET);

    assertThat(scan.statusCode()).isEqualTo(200);
    assertThat(PeerWire.parseRecordings(bytes(scan))).containsExactly(Recordings.full());
    assertThat(local.requests).containsExactly(Recordings.fullRequest());
    assertThat(fetch.statusCode()).isEqualTo(200);
    assertThat(PeerWire.parseRecording(bytes(fetch))).contains(Recordings.full());
  }

  @Test
  void shouldAnswerAnUnknownSidWithANullRecording() throws Exception {
    server = new PeerServer(Optional.of(PeerServer.SECRET), local);

    HttpResponse<String> fetch =
        get(
            "/internal/v1/partitions/2/recordings/RTffffffffffffffffffffffffffffffff",
            PeerServer.SECRET);

    assertThat(fetch.statusCode()).isEqualTo(200);
    assertThat(PeerWire.parseRecording(bytes(fetch))).isEmpty();
  }

  @Test
  void shouldFallBackToALocalStandbyWhenTheActiveIsNotHere() throws Exception {
    List<Recording> standby = List.of(Recordings.minimal(Recordings.SID));
    server =
        new PeerServer(
            Optional.of(PeerServer.SECRET),
            new FakeLocalReplicas().with(2, Replica.STANDBY, standby));

    HttpResponse<String> scan = post(SCAN, PeerServer.SECRET);

    assertThat(scan.statusCode()).isEqualTo(200);
    assertThat(PeerWire.parseRecordings(bytes(scan))).isEqualTo(standby);
    assertThat(server.registry.get("recordings.standby.reads").counter().count()).isEqualTo(1);
  }

  @Test
  void shouldAnswerUnavailableWithRetryAfterWhenNoLocalCopyCanAnswer() throws Exception {
    server = new PeerServer(Optional.of(PeerServer.SECRET), local);

    HttpResponse<String> scan = post("/internal/v1/partitions/4/scan", PeerServer.SECRET);

    assertThat(scan.statusCode()).isEqualTo(503);
    assertThat(scan.headers().firstValue("Retry-After")).contains("3");
    assertThat(PeerWire.parseError(bytes(scan)))
        .contains("partition 4")
        .contains("no local ACTIVE")
        .contains("no local STANDBY");
  }

  @Test
  void shouldRejectABadPartitionOrBody() throws Exception {
    server = new PeerServer(Optional.of(PeerServer.SECRET), local);

    assertThat(post("/internal/v1/partitions/-1/scan", PeerServer.SECRET).statusCode())
        .isEqualTo(400);
    assertThat(post("/internal/v1/partitions/x/scan", PeerServer.SECRET).statusCode())
        .isEqualTo(400);
    HttpResponse<String> garbled =
        client.send(
            HttpRequest.newBuilder(URI.create(server.url(SCAN)))
                .header(PeerSecret.HEADER, PeerServer.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("{\"limit\": 1}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(garbled.statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> post(String path, String secret) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(PeerWire.request(Recordings.fullRequest())));
    if (secret != null) {
      request.header(PeerSecret.HEADER, secret);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String secret) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
    if (secret != null) {
      request.header(PeerSecret.HEADER, secret);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] bytes(HttpResponse<String> response) {
    return response.body().getBytes(StandardCharsets.UTF_8);
  }
}
