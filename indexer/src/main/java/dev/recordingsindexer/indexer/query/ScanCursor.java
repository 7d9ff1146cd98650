package dev.recordingsindexer.indexer.query;

import dev.recordingsindexer.indexer.model.SortKey;
import java.util.Objects;

/** A starting point of an index walk: a key, and whether an entry at that key is included. */
record ScanCursor(SortKey key, boolean inclusive) {

  ScanCursor {
    Objects.requireNonNull(key, "key");
  }

  /** Of two starts of a newest-first walk, the one that lets fewer entries through. */
  static ScanCursor later(ScanCursor a, ScanCursor b) {
    int order = a.key.compareTo(b.key);
    if (order == 0) {
      return new ScanCursor(a.key, a.inclusive && b.inclusive);
    }
    return order > 0 ? a : b;
  }

  /** Of two starts of a backwards walk, the one that lets fewer entries through. */
  static ScanCursor earlier(ScanCursor a, ScanCursor b) {
    int order = a.key.compareTo(b.key);
    if (order == 0) {
      return new ScanCursor(a.key, a.inclusive && b.inclusive);
    }
    return order < 0 ? a : b;
  }
}
