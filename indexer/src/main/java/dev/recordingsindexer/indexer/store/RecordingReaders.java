package dev.recordingsindexer.indexer.store;

import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.util.List;

/**
 * The readers a query must consult: one per partition of the recordings store. A query is only
 * complete when it has asked all of them.
 */
@FunctionalInterface
public interface RecordingReaders {

  /**
   * The readers of every partition.
   *
   * @throws QueryUnavailableException when any partition cannot be read now (not running, still
   *     restoring, owned by another instance)
   */
  List<RecordingReader> all();
}
