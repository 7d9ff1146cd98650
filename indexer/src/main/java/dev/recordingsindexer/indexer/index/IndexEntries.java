package dev.recordingsindexer.indexer.index;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;

/**
 * The index entries one recording owns: one per index it appears in. Writers diff the entries of
 * the old and new versions of a recording to know what to delete and what to add. Stateless.
 */
public final class IndexEntries {

  private IndexEntries() {}

  /**
   * Every index key of {@code recording}: its account's date index, one grouping entry per distinct
   * grouping SID, its source SID (when known), its status and its media type (when known).
   */
  public static Set<Bytes> of(Recording recording) {
    String account = recording.accountSid();
    SortKey key = SortKey.of(recording);
    Set<Bytes> entries = new HashSet<>();
    entries.add(entry(IndexKind.DATE, account, null, key));
    for (String groupingSid : recording.groupingSids().values()) {
      if (groupingSid != null) {
        entries.add(entry(IndexKind.GROUPING, account, groupingSid, key));
      }
    }
    if (recording.sourceSid() != null) {
      entries.add(entry(IndexKind.SOURCE, account, recording.sourceSid(), key));
    }
    entries.add(entry(IndexKind.STATUS, account, recording.status().wire(), key));
    if (recording.type() != null) {
      entries.add(entry(IndexKind.MEDIA_TYPE, account, recording.type().wire(), key));
    }
    return entries;
  }

  private static Bytes entry(IndexKind kind, String account, String value, SortKey key) {
    return Bytes.wrap(IndexKeys.indexEntry(IndexKeys.indexPrefix(kind, account, value), key));
  }
}
