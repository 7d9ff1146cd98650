package dev.recordingsindexer.benchmarks.query;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shapes of list query the load driver replays, each measured on its own. {@link #NEXT_PAGES}
 * is a client paging on: the first page of a query that has many matches (recorded under that
 * query's own mix), then {@code meta.next_page_url} followed a few pages deep (recorded here).
 */
enum QueryMix {
  UNFILTERED("unfiltered"),
  ROOM("room"),
  PARTICIPANT("participant"),
  SOURCE("source"),
  STATUS("status"),
  MEDIA_TYPE("media-type"),
  NARROW_WINDOW("narrow-window"),
  WIDE_WINDOW("wide-window"),
  RARE_STATUS("rare-status"),
  NEXT_PAGES("next-pages");

  private final String label;

  QueryMix(String label) {
    this.label = label;
  }

  /** The name on the command line, in tables and in result lines. */
  String label() {
    return label;
  }

  /**
   * The mixes named in {@code labels} (or all for {@code all}).
   *
   * @throws IllegalArgumentException naming an unknown label and the known ones
   */
  static List<QueryMix> parse(List<String> labels) {
    if (labels.equals(List.of("all"))) {
      return List.of(values());
    }
    return labels.stream().map(QueryMix::of).distinct().toList();
  }

  private static QueryMix of(String label) {
    return Arrays.stream(values())
        .filter(m -> m.label.equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown mix "
                        + label
                        + "; known: "
                        + Arrays.stream(values())
                            .map(QueryMix::label)
                            .collect(Collectors.joining(","))));
  }
}
