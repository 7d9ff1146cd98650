package dev.recordingsindexer.indexer.testing;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import dev.recordingsindexer.indexer.store.IndexScan;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.ScanIterator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RecordingReader} over maps, with the index semantics of the real store: every {@link
 * IndexKind} prefix is scoped to one account and walked in list order (or backwards), from an
 * inclusive or exclusive key.
 *
 * <p>Index entries point at the version of a recording they were written for; {@link
 * #putStaleIndexEntry} adds an entry whose recording has since changed, as the real store shows for
 * an instant during a write. Scans are lazy and weakly consistent, like a store iterator. Counts
 * scans not yet closed ({@link #openScans()}) so tests can prove every iterator is closed.
 * Thread-safe.
 */
public final class InMemoryRecordingReader implements RecordingReader {

  private final Map<String, Recording> bySid = new ConcurrentHashMap<>();
  private final NavigableMap<SortKey, List<Recording>> index =
      new ConcurrentSkipListMap<>(SortKey.LIST_ORDER);
  private final AtomicInteger openScans = new AtomicInteger();

  /** Inserts or replaces a recording and its index entries. */
  public synchronized void put(Recording recording) {
    Recording previous = bySid.put(recording.sid(), recording);
    if (previous != null) {
      index.remove(SortKey.of(previous));
    }
    index.put(SortKey.of(recording), List.of(recording));
  }

  /** Removes a recording and its index entries (a purge). */
  public synchronized void remove(String sid) {
    Recording previous = bySid.remove(sid);
    if (previous != null) {
      index.remove(SortKey.of(previous));
    }
  }

  /** Adds index entries for {@code version} without storing it: they are stale. */
  public synchronized void putStaleIndexEntry(Recording version) {
    index.merge(SortKey.of(version), List.of(version), InMemoryRecordingReader::concat);
  }

  /** The number of scans opened and not yet closed. */
  public int openScans() {
    return openScans.get();
  }

  @Override
  public Optional<Recording> get(String sid) {
    return Optional.ofNullable(bySid.get(sid));
  }

  @Override
  public ScanIterator scan(IndexScan scan) {
    NavigableMap<SortKey, List<Recording>> range = index;
    if (scan.from() != null) {
      range =
          scan.newestFirst()
              ? index.tailMap(scan.from(), scan.fromInclusive())
              : index.headMap(scan.from(), scan.fromInclusive());
    }
    if (!scan.newestFirst()) {
      range = range.descendingMap();
    }
    openScans.incrementAndGet();
    return new FilteredScan(range.entrySet().iterator(), scan);
  }

  @Override
  public long approximateCount() {
    return bySid.size();
  }

  private static boolean inPrefix(IndexScan scan, Recording version) {
    if (!version.accountSid().equals(scan.accountSid())) {
      return false;
    }
    return switch (scan.kind()) {
      case DATE -> true;
      case GROUPING -> version.groupingSids().containsValue(scan.value());
      case SOURCE -> scan.value().equals(version.sourceSid());
      case STATUS -> scan.value().equals(version.status().wire());
      case MEDIA_TYPE -> version.type() != null && scan.value().equals(version.type().wire());
    };
  }

  private static List<Recording> concat(List<Recording> a, List<Recording> b) {
    List<Recording> both = new ArrayList<>(a);
    both.addAll(b);
    return List.copyOf(both);
  }

  /** Walks the range lazily, yielding the keys whose entries belong to the scan's prefix. */
  private final class FilteredScan implements ScanIterator {
    private final Iterator<Map.Entry<SortKey, List<Recording>>> entries;
    private final IndexScan scan;
    private SortKey next;
    private boolean closed;

    FilteredScan(Iterator<Map.Entry<SortKey, List<Recording>>> entries, IndexScan scan) {
      this.entries = entries;
      this.scan = scan;
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        throw new IllegalStateException("scan used after close");
      }
      while (next == null && entries.hasNext()) {
        Map.Entry<SortKey, List<Recording>> entry = entries.next();
        if (entry.getValue().stream().anyMatch(version -> inPrefix(scan, version))) {
          next = entry.getKey();
        }
      }
      return next != null;
    }

    @Override
    public SortKey next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      SortKey key = next;
      next = null;
      return key;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        openScans.decrementAndGet();
      }
    }
  }
}
