package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.query.PartitionScanRequest;
import dev.recordingsindexer.indexer.store.RecordingReader;
import java.util.List;

/**
 * Runs one partition's share of a list query on a local store: the matches of the request, in its
 * direction, at most its limit. Wire the indexer's {@code PartitionScanner} here. Must close every
 * iterator it opens before returning.
 */
@FunctionalInterface
public interface LocalScanner {

  List<Recording> scan(RecordingReader reader, PartitionScanRequest request);
}
