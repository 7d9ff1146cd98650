package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whether a fetched recording belongs to the account and satisfies every filter. Applied to every
 * candidate an index yields, so that a stale index entry never lets a non-matching recording
 * through.
 */
record MatchPredicate(String accountSid, RecordingFilter filter) implements Predicate<Recording> {

  MatchPredicate {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(filter, "filter");
  }

  @Override
  public boolean test(Recording recording) {
    return recording.accountSid().equals(accountSid)
        && (filter.status() == null || filter.status() == recording.status())
        && (filter.sourceSid() == null || filter.sourceSid().equals(recording.sourceSid()))
        && (filter.mediaType() == null || filter.mediaType() == recording.type())
        && recording.groupingSids().values().containsAll(filter.groupingSids())
        && DateWindow.of(filter).contains(recording.dateCreated());
  }
}
