package dev.recordingsindexer.indexer.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A recording's position in the list order: newest first, that is {@code date_created} descending,
 * then {@code sid} descending. Page cursors are sort keys.
 *
 * @param dateCreated whole seconds, UTC
 */
public record SortKey(Instant dateCreated, String sid) implements Comparable<SortKey> {

  /** The list order: a key that sorts first is listed first. */
  public static final Comparator<SortKey> LIST_ORDER =
      Comparator.comparing(SortKey::dateCreated)
          .reversed()
          .thenComparing(Comparator.comparing(SortKey::sid).reversed());

  public SortKey {
    Objects.requireNonNull(dateCreated, "dateCreated");
    Objects.requireNonNull(sid, "sid");
  }

  public static SortKey of(Recording recording) {
    return new SortKey(recording.dateCreated(), recording.sid());
  }

  @Override
  public int compareTo(SortKey other) {
    return LIST_ORDER.compare(this, other);
  }
}
