package dev.recordingsindexer.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.store.IndexKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

  private static final String SOURCE = "MT" + "1".repeat(32);
  private static final String ROOM = "RM" + "2".repeat(32);
  private static final String PARTICIPANT = "PA" + "3".repeat(32);
  private static final Instant AFTER = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void shouldPickTheNarrowestIndexForEveryFilterCombination() {
    for (int mask = 0; mask < 32; mask++) {
      boolean status = (mask & 1) != 0;
      boolean source = (mask & 2) != 0;
      boolean grouping = (mask & 4) != 0;
      boolean dates = (mask & 8) != 0;
      boolean media = (mask & 16) != 0;
      RecordingFilter filter =
          new RecordingFilter(
              status ? RecordingStatus.COMPLETED : null,
              source ? SOURCE : null,
              grouping ? List.of(ROOM, PARTICIPANT) : List.of(),
              dates ? AFTER : null,
              dates ? AFTER.plusSeconds(60) : null,
              media ? MediaType.VIDEO : null);

      QueryPlan plan = QueryPlanner.plan(filter);

      QueryPlan expected =
          source
              ? new QueryPlan(IndexKind.SOURCE, SOURCE)
              : grouping
                  ? new QueryPlan(IndexKind.GROUPING, ROOM)
                  : status
                      ? new QueryPlan(IndexKind.STATUS, "completed")
                      : media
                          ? new QueryPlan(IndexKind.MEDIA_TYPE, "video")
                          : new QueryPlan(IndexKind.DATE, null);
      assertThat(plan).as("filter %s", filter).isEqualTo(expected);
    }
  }

  @Test
  void shouldNamePlansAfterTheirIndex() {
    assertThat(QueryPlanner.plan(RecordingFilter.NONE).name()).isEqualTo("date");
    assertThat(new QueryPlan(IndexKind.GROUPING, ROOM).name()).isEqualTo("grouping");
    assertThat(new QueryPlan(IndexKind.SOURCE, SOURCE).name()).isEqualTo("source");
    assertThat(new QueryPlan(IndexKind.STATUS, "failed").name()).isEqualTo("status");
  }
}
