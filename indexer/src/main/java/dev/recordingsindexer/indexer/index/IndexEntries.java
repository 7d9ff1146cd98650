package dev.recordingsindexer.indexer.index;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;

/**
 * The index entries one recording owns: one per index it appears in. Writers diff the entries of
 * the old and new versions of a recording to know what to delete and what to add. Some entries also
 * store the recording ({@link #storeRecordings}, {@link #storing}), so writers rewrite them at
 * every change of the recording; the others have empty values. Stateless.
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
    entries.add(Bytes.wrap(dateEntry(account, key)));
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

  /**
   * Whether the entries of index {@code kind} under {@code value} store their recording: the date
   * index's, so a list in date order reads no recording by key; and the status index's for every
   * status but completed. Completed recordings are the bulk of an account, and a walk for them
   * reads the date index (most entries match); the other statuses are a small share whose matches
   * lie scattered, so without their recordings at hand each listed one would be a random read.
   */
  public static boolean storeRecordings(IndexKind kind, String value) {
    return kind == IndexKind.DATE
        || (kind == IndexKind.STATUS && !RecordingStatus.COMPLETED.wire().equals(value));
  }

  /** The keys of {@code recording}'s entries that store it (see {@link #storeRecordings}). */
  public static List<byte[]> storing(Recording recording) {
    SortKey key = SortKey.of(recording);
    String status = recording.status().wire();
    byte[] date = dateEntry(recording.accountSid(), key);
    return storeRecordings(IndexKind.STATUS, status)
        ? List.of(date, entry(IndexKind.STATUS, recording.accountSid(), status, key).get())
        : List.of(date);
  }

  /**
   * The key of the recording's entry in its account's date index: the entry that also stores the
   * recording, so a list in date order reads recordings without a point read each, and a candidate
   * from another index is read where its neighbours in date order are.
   */
  public static byte[] dateEntry(String accountSid, SortKey key) {
    return IndexKeys.indexEntry(IndexKeys.indexPrefix(IndexKind.DATE, accountSid, null), key);
  }

  private static Bytes entry(IndexKind kind, String account, String value, SortKey key) {
    return Bytes.wrap(IndexKeys.indexEntry(IndexKeys.indexPrefix(kind, account, value), key));
  }
}
