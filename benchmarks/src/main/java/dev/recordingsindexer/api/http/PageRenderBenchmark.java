package dev.recordingsindexer.api.http;

import dev.recordingsindexer.benchmarks.SampleEvents;
import dev.recordingsindexer.indexer.model.Recording;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A full list page of 50 completed recordings rendered by {@link JsonBodies#list} (Twilio's field
 * order, all seven {@code meta} keys), as {@code GET /v1/Recordings?PageSize=50} answers it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageRenderBenchmark {

  private static final int PAGE_SIZE = 50;

  private List<Recording> recordings;
  private String baseUrl;
  private ListLinks.Meta meta;

  @Setup
  public void setUp() {
    recordings = SampleEvents.completedRecordings(PAGE_SIZE);
    baseUrl = "https://video.example.com";
    String first = baseUrl + "/v1/Recordings?Status=completed&PageSize=" + PAGE_SIZE + "&Page=0";
    meta =
        new ListLinks.Meta(
            1,
            PAGE_SIZE,
            baseUrl
                + "/v1/Recordings?Status=completed&PageSize=50&Page=1"
                + "&PageToken=PTeyJkIjoxNzY3MjYxNjAwLCJzIjoiUlQ1ZWVkMDAwMCJ9.c2lnbmF0dXJl",
            first,
            baseUrl
                + "/v1/Recordings?Status=completed&PageSize=50&Page=2"
                + "&PageToken=PTeyJkIjoxNzY3MjU4NjAwLCJzIjoiUlQ1ZWVkMDAzMiJ9.c2lnbmF0dXJl",
            first);
  }

  @Benchmark
  public void listPage50(Blackhole bh) {
    bh.consume(JsonBodies.list(recordings, baseUrl, meta));
  }
}
