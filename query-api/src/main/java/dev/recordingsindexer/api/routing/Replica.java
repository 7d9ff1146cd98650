package dev.recordingsindexer.api.routing;

/** Which local copy of a partition a read may use. */
public enum Replica {
  /** Only the active, restored task: always current. */
  ACTIVE,
  /** Any local copy (a standby, or an active still restoring) within the allowed lag. */
  STANDBY
}
