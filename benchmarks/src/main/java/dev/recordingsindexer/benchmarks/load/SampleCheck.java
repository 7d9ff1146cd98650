package dev.recordingsindexer.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A cheap end-to-end sanity check after indexing: fetches a few recordings spread over the data set
 * with their account's credentials and compares status and {@code date_created} with what the data
 * set says they must fold into. Guards the figures against a generator that feeds dead letters.
 */
final class SampleCheck {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleCheck() {}

  /** The mismatches among {@code samples} recordings (empty when all agree). */
  static List<String> mismatches(ServiceProcess service, Dataset dataset, int samples) {
    List<String> problems = new ArrayList<>();
    int count = Math.min(samples, dataset.recordings());
    for (int i = 0; i < count; i++) {
      int index = (int) ((long) i * dataset.recordings() / count);
      Dataset.Recording expected = dataset.recording(index);
      String token =
          dataset.accounts().stream()
              .filter(a -> a.sid().equals(expected.accountSid()))
              .findFirst()
              .orElseThrow()
              .authToken();
      String credentials = expected.accountSid() + ":" + token;
      HttpRequest request =
          HttpRequest.newBuilder(service.baseUrl().resolve("/v1/Recordings/" + expected.sid()))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
              .timeout(Duration.ofSeconds(10))
              .build();
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        String status = body.path("status").asText();
        String created = body.path("date_created").asText();
        if (response.statusCode() != 200
            || !status.equals(expected.finalStatus())
            || !created.equals(expected.dateCreated().toString())) {
          problems.add(
              index
                  + ": HTTP "
                  + response.statusCode()
                  + " status "
                  + status
                  + " date_created "
                  + created
                  + ", expected "
                  + expected);
        }
      } catch (IOException e) {
        problems.add(index + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problems.add(index + ": interrupted");
        break;
      }
    }
    return problems;
  }
}
