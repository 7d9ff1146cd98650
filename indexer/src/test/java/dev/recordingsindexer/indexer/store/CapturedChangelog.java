package dev.recordingsindexer.indexer.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/** A changelog that keeps what the store logged, in order, for assertions and replay. */
final class CapturedChangelog {

  private final List<KeyValue<byte[], byte[]>> records = new ArrayList<>();

  ChangelogSink.Factory factory() {
    return (context, storeName, position) ->
        (key, value) ->
            records.add(KeyValue.pair(key.clone(), value == null ? null : value.clone()));
  }

  List<KeyValue<byte[], byte[]>> records() {
    return List.copyOf(records);
  }

  KeyValue<byte[], byte[]> last() {
    return records.get(records.size() - 1);
  }

  static String key(KeyValue<byte[], byte[]> record) {
    return new String(record.key, StandardCharsets.UTF_8);
  }
}
