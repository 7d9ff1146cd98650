package dev.recordingsindexer.indexer.fold;

import java.util.Objects;

/**
 * A field's value together with the stamp of the event that wrote it (last writer wins).
 *
 * <p>{@link #later} is a join: commutative, associative and idempotent, so a field's final value
 * does not depend on the order events arrive in. An exact tie (equal stamps, different values,
 * which only a producer repeating a timestamp and sequence number can cause) goes to the greater
 * value in the value's natural order ({@link String#compareTo}, {@link Long#compare}, enum
 * declaration order).
 *
 * @param value a String, Long or model enum; both writes passed to {@link #later} hold the same
 *     type, since they are writes of one field
 */
record Written(Comparable<?> value, Stamp stamp) {

  Written {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(stamp, "stamp");
  }

  /**
   * The winner of two writes of one field; {@code current} itself (same instance) whenever the
   * candidate does not beat it, so callers can detect "nothing changed" by identity.
   *
   * @param current the field's write so far, or null if none
   */
  static Written later(Written current, Written candidate) {
    if (current == null) {
      return candidate;
    }
    int byStamp = candidate.stamp.compareTo(current.stamp);
    if (byStamp != 0) {
      return byStamp > 0 ? candidate : current;
    }
    return compareValues(candidate.value, current.value) > 0 ? candidate : current;
  }

  @SuppressWarnings("unchecked")
  private static int compareValues(Comparable<?> left, Comparable<?> right) {
    return ((Comparable<Object>) left).compareTo(right);
  }
}
