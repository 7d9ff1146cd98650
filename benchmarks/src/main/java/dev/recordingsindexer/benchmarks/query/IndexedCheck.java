package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.load.Dataset.Recording;
import dev.recordingsindexer.benchmarks.query.HttpConnection.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Waits until a service is ready and answers for the data set it is to be measured on: {@code
 * /readyz} is 200 and a sample of the data set's recordings (the last ones written and some at
 * random) can be fetched. Measuring a service that is still indexing, or that indexed another data
 * set, would report latencies of empty answers.
 */
final class IndexedCheck {

  private static final int LAST = 10;
  private static final int RANDOM = 20;

  private IndexedCheck() {}

  /**
   * Polls until the service answers for {@code dataset} or {@code timeout} passes.
   *
   * @return null when it does, else what is missing
   */
  static String await(
      URI url, Dataset dataset, QueryPlanner planner, Duration timeout, PrintStream out)
      throws InterruptedException {
    List<Recording> sample = sample(dataset);
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = System.nanoTime();
    String problem;
    try (HttpConnection connection = new HttpConnection(url, Duration.ofSeconds(10))) {
      while (true) {
        problem = missing(connection, sample, planner);
        if (problem == null) {
          return null;
        }
        long now = System.nanoTime();
        if (now >= deadline) {
          break;
        }
        if (now >= nextReport) {
          out.println("[query] waiting for the service: " + problem);
          nextReport = now + Duration.ofSeconds(5).toNanos();
        }
        Thread.sleep(500);
      }
    }
    return String.format(
        Locale.ROOT,
        "after %s: %s; is it the data set indexed (seed %d, %d recordings)?",
        timeout,
        problem,
        dataset.seed(),
        dataset.recordings());
  }

  private static String missing(
      HttpConnection connection, List<Recording> sample, QueryPlanner planner) {
    try {
      int ready = connection.get("/readyz", null).status();
      if (ready != 200) {
        return "/readyz answers " + ready;
      }
      int visible = 0;
      for (Recording recording : sample) {
        Response response =
            connection.get(
                "/v1/Recordings/" + recording.sid(), planner.authorization(recording.accountSid()));
        if (response.status() == 200) {
          visible++;
        } else if (response.status() != 404) {
          return "GET /v1/Recordings/" + recording.sid() + " answers " + response.status();
        }
      }
      return visible == sample.size()
          ? null
          : visible + " of " + sample.size() + " sampled recordings visible";
    } catch (IOException e) {
      connection.close();
      return "unreachable: " + e;
    }
  }

  private static List<Recording> sample(Dataset dataset) {
    List<Recording> sample = new ArrayList<>();
    int n = dataset.recordings();
    for (int i = Math.max(0, n - LAST); i < n; i++) {
      sample.add(dataset.recording(i));
    }
    SplittableRandom random = new SplittableRandom(dataset.seed());
    for (int i = 0; i < RANDOM && n > 0; i++) {
      sample.add(dataset.recording(random.nextInt(n)));
    }
    return sample;
  }
}
