package dev.recordingsindexer.indexer.topology;

import java.util.Map;
import org.apache.kafka.streams.Topology;

/** Wires the indexer: parse and re-key, fold into the indexed store, dead-letter the rest. */
public final class RecordingsTopology {

  private RecordingsTopology() {}

  public static Topology build(IndexerSettings settings, IndexerListener listener) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Streams settings the topology depends on (exactly-once, exception handlers, dead-letter topic);
   * the process adds bootstrap servers, application id, state dir and server address.
   */
  public static Map<String, Object> streamsDefaults(IndexerSettings settings) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
