package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.Recording;
import java.util.Optional;

/**
 * The read facade the HTTP layer uses: complete answers scoped to one account, or {@link
 * QueryUnavailableException}. Thread-safe.
 */
public interface RecordingQueries {

  /**
   * One page of the account's matching recordings.
   *
   * @throws QueryUnavailableException when some partition cannot be read now
   */
  ListPage list(ListRequest request);

  /**
   * One recording of the account; empty when unknown, purged, or another account's.
   *
   * @throws QueryUnavailableException when the owning partition cannot be read now
   */
  Optional<Recording> fetch(String accountSid, String sid);
}
