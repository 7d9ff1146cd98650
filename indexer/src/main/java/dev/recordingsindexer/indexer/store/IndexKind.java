package dev.recordingsindexer.indexer.store;

/**
 * The secondary indexes of the recordings store. Every index is scoped to one account and sorted in
 * list order (newest first) within its prefix.
 */
public enum IndexKind {
  /** (account, date): every recording of the account. */
  DATE,
  /** (account, grouping SID, date): recordings having that SID among their grouping_sids values. */
  GROUPING,
  /** (account, source SID, date). */
  SOURCE,
  /** (account, status, date). */
  STATUS,
  /** (account, media type, date): recordings whose {@code type} is known. */
  MEDIA_TYPE
}
