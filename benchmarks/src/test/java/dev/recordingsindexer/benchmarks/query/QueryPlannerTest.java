package dev.recordingsindexer.benchmarks.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.benchmarks.load.Dataset;
import dev.recordingsindexer.benchmarks.query.QueryPlanner.Query;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

  private static final Pattern SID = Pattern.compile("^[a-zA-Z]{2}[0-9a-fA-F]{32}$");

  private final Dataset dataset = Dataset.of(42, 2000);
  private final QueryPlanner planner = new QueryPlanner(dataset, 50);

  @Test
  void shouldAskEachMixWithItsOwnFilterAndThePageSize() {
    SplittableRandom random = new SplittableRandom(1);

    assertThat(planner.plan(QueryMix.UNFILTERED, random).target())
        .isEqualTo("/v1/Recordings?PageSize=50");
    assertThat(params(planner.plan(QueryMix.ROOM, random)).get("GroupingSid")).startsWith("RM");
    assertThat(params(planner.plan(QueryMix.PARTICIPANT, random)).get("GroupingSid"))
        .startsWith("PA");
    assertThat(params(planner.plan(QueryMix.SOURCE, random)).get("SourceSid")).startsWith("MT");
    assertThat(params(planner.plan(QueryMix.STATUS, random)).get("Status"))
        .isIn("processing", "completed", "failed", "deleted");
    assertThat(params(planner.plan(QueryMix.MEDIA_TYPE, random)).get("MediaType"))
        .isIn("audio", "video", "data");
    assertThat(params(planner.plan(QueryMix.RARE_STATUS, random)).get("Status"))
        .isIn("failed", "deleted");
  }

  @Test
  void shouldUseSidsThatTheApiAccepts() {
    SplittableRandom random = new SplittableRandom(2);
    for (QueryMix mix : new QueryMix[] {QueryMix.ROOM, QueryMix.PARTICIPANT, QueryMix.SOURCE}) {
      Map<String, String> params = params(planner.plan(mix, random));
      String sid = params.getOrDefault("GroupingSid", params.get("SourceSid"));
      assertThat(sid).matches(SID);
    }
  }

  @Test
  void shouldPlaceWindowsSoThatTheyHoldTheirPickedRecording() {
    for (long seed = 0; seed < 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Instant picked =
          dataset.recording(new SplittableRandom(seed).nextInt(dataset.recordings())).dateCreated();
      QueryMix mix = seed % 2 == 0 ? QueryMix.NARROW_WINDOW : QueryMix.WIDE_WINDOW;

      Map<String, String> params = params(planner.plan(mix, random));

      Instant after = Instant.parse(params.get("DateCreatedAfter"));
      Instant before = Instant.parse(params.get("DateCreatedBefore"));
      assertThat(after).isBeforeOrEqualTo(picked);
      assertThat(before).isAfter(picked);
    }
  }

  @Test
  void shouldAuthenticateAsTheAccountOfThePickedRecording() {
    SplittableRandom random = new SplittableRandom(3);
    String account = dataset.recording(new SplittableRandom(3).nextInt(2000)).accountSid();

    Query query = planner.plan(QueryMix.ROOM, random);

    String decoded =
        new String(Base64.getDecoder().decode(query.authorization().substring("Basic ".length())));
    assertThat(decoded).startsWith(account + ":");
    assertThat(query.expectsItems()).isTrue();
  }

  @Test
  void shouldStartNextPagesOnADeepQueryAndFollowTheUrlVerbatim() {
    Query first = planner.plan(QueryMix.NEXT_PAGES, new SplittableRandom(4));

    Query next =
        planner.follow(
            "http://other-host:8080/v1/Recordings?PageSize=50&Page=1&PageToken=AQ%2Bx_y", first);

    assertThat(first.mix())
        .isIn(QueryMix.UNFILTERED, QueryMix.STATUS, QueryMix.MEDIA_TYPE, QueryMix.WIDE_WINDOW);
    assertThat(next.mix()).isEqualTo(QueryMix.NEXT_PAGES);
    assertThat(next.target()).isEqualTo("/v1/Recordings?PageSize=50&Page=1&PageToken=AQ%2Bx_y");
    assertThat(next.authorization()).isEqualTo(first.authorization());
  }

  private static Map<String, String> params(Query query) {
    String target = query.target();
    Matcher path = Pattern.compile("^/v1/Recordings\\?(.*)$").matcher(target);
    assertThat(path.matches()).as(target).isTrue();
    Map<String, String> params =
        Pattern.compile("&")
            .splitAsStream(path.group(1))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    assertThat(params).containsEntry("PageSize", "50");
    return params;
  }
}
