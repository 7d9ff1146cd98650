package dev.recordingsindexer.indexer.fold;

import dev.recordingsindexer.indexer.event.EventType;
import dev.recordingsindexer.indexer.model.Codec;
import dev.recordingsindexer.indexer.model.ContainerFormat;
import dev.recordingsindexer.indexer.model.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of a {@link RecordingState}: the value of the recordings store and its changelog.
 * Versioned (first byte) so that a later release can read what an earlier one wrote. Thread-safe.
 *
 * <p>Version 1, in order: version byte; sid; account sid; the table of distinct stamps (a state has
 * few: one per event that still wins something), each written once and referred to by index; status
 * (event type code, stamp index); first and last timestamp; a flag byte and the optional explicit
 * creation and deletion times; a presence bit set over {@link Field} ordinals, then each present
 * field as (stamp index, value); the grouping members as (name, sid, stamp index). Numbers are
 * variable-length, strings ASCII or UTF-16 (see {@link ByteWriter}). Enum values are written as
 * codes from the fixed tables below, never as ordinals of types owned elsewhere.
 */
public final class RecordingStateCodec {

  private static final int VERSION = 1;
  private static final int HAS_DATE_CREATED = 1;
  private static final int HAS_DELETION = 2;

  private static final EventType[] EVENT_TYPES = {
    EventType.STARTED, EventType.COMPLETED, EventType.FAILED, EventType.DELETED
  };
  private static final MediaType[] MEDIA_TYPES = {MediaType.AUDIO, MediaType.VIDEO, MediaType.DATA};
  private static final Codec[] CODECS = {Codec.VP8, Codec.H264, Codec.OPUS, Codec.PCMU};
  private static final ContainerFormat[] CONTAINER_FORMATS = {
    ContainerFormat.MKA, ContainerFormat.MKV
  };

  private RecordingStateCodec() {}

  public static byte[] encode(RecordingState state) {
    List<Stamp> stamps = stampTable(state);
    ByteWriter out = new ByteWriter(256);
    out.writeByte(VERSION);
    out.writeString(state.sid());
    out.writeString(state.accountSid());
    out.writeUnsigned(stamps.size());
    for (Stamp stamp : stamps) {
      writeInstant(out, stamp.timestamp());
      out.writeSigned(stamp.sequence());
      out.writeByte(stamp.rank());
    }
    out.writeByte(code(EVENT_TYPES, state.status().type()));
    out.writeUnsigned(stamps.indexOf(state.status().stamp()));
    writeInstant(out, state.firstTimestamp());
    writeInstant(out, state.lastTimestamp());
    Instant dateCreated = state.earliestDateCreated();
    Instant deletion = state.earliestDeletion();
    out.writeByte(
        (dateCreated != null ? HAS_DATE_CREATED : 0) | (deletion != null ? HAS_DELETION : 0));
    if (dateCreated != null) {
      writeInstant(out, dateCreated);
    }
    if (deletion != null) {
      writeInstant(out, deletion);
    }
    long present = 0;
    for (Field field : Field.ALL) {
      present |= state.written(field) != null ? 1L << field.ordinal() : 0;
    }
    out.writeUnsigned(present);
    for (Field field : Field.ALL) {
      Written write = state.written(field);
      if (write != null) {
        out.writeUnsigned(stamps.indexOf(write.stamp()));
        writeValue(out, field.kind(), write.value());
      }
    }
    out.writeUnsigned(state.groupingSids().size());
    for (Map.Entry<String, Written> member : state.groupingSids().entrySet()) {
      out.writeString(member.getKey());
      out.writeString((String) member.getValue().value());
      out.writeUnsigned(stamps.indexOf(member.getValue().stamp()));
    }
    return out.toByteArray();
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when the bytes are not a stored state
   */
  public static RecordingState decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("no bytes to decode a recording state from");
    }
    ByteReader in = new ByteReader(bytes);
    int version = in.readByte();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown recording state version " + version);
    }
    try {
      String sid = in.readString();
      String accountSid = in.readString();
      Stamp[] stamps = new Stamp[in.readBounded(bytes.length, "stamp count")];
      for (int i = 0; i < stamps.length; i++) {
        stamps[i] = new Stamp(readInstant(in), in.readSigned(), in.readByte());
      }
      StatusClaim status = new StatusClaim(read(in, EVENT_TYPES), stamp(in, stamps));
      Instant first = readInstant(in);
      Instant last = readInstant(in);
      int flags = in.readByte();
      if ((flags & ~(HAS_DATE_CREATED | HAS_DELETION)) != 0) {
        throw new IllegalArgumentException("unknown flags " + flags);
      }
      Instant dateCreated = (flags & HAS_DATE_CREATED) != 0 ? readInstant(in) : null;
      Instant deletion = (flags & HAS_DELETION) != 0 ? readInstant(in) : null;
      long present = in.readUnsigned();
      if ((present >>> Field.ALL.length) != 0) {
        throw new IllegalArgumentException("unknown fields: " + Long.toBinaryString(present));
      }
      Written[] fields = new Written[Field.ALL.length];
      for (Field field : Field.ALL) {
        if ((present & (1L << field.ordinal())) != 0) {
          Stamp stamp = stamp(in, stamps);
          fields[field.ordinal()] = new Written(readValue(in, field.kind()), stamp);
        }
      }
      int members = in.readBounded(bytes.length, "grouping member count");
      Map<String, Written> grouping = new TreeMap<>();
      for (int i = 0; i < members; i++) {
        String name = in.readString();
        String value = in.readString();
        if (grouping.put(name, new Written(value, stamp(in, stamps))) != null) {
          throw new IllegalArgumentException("grouping member " + name + " stored twice");
        }
      }
      in.requireEnd();
      return new RecordingState(
          sid, accountSid, status, first, last, dateCreated, deletion, fields, grouping);
    } catch (NullPointerException | DateTimeException e) {
      throw new IllegalArgumentException("not a stored recording state: " + e.getMessage(), e);
    }
  }

  private static List<Stamp> stampTable(RecordingState state) {
    List<Stamp> stamps = new ArrayList<>(4);
    stamps.add(state.status().stamp());
    for (Field field : Field.ALL) {
      Written write = state.written(field);
      if (write != null && !stamps.contains(write.stamp())) {
        stamps.add(write.stamp());
      }
    }
    for (Written write : state.groupingSids().values()) {
      if (!stamps.contains(write.stamp())) {
        stamps.add(write.stamp());
      }
    }
    return stamps;
  }

  private static void writeValue(ByteWriter out, Field.ValueKind kind, Comparable<?> value) {
    switch (kind) {
      case STRING -> out.writeString((String) value);
      case LONG -> out.writeSigned((Long) value);
      case MEDIA_TYPE -> out.writeByte(code(MEDIA_TYPES, (MediaType) value));
      case CODEC -> out.writeByte(code(CODECS, (Codec) value));
      case CONTAINER_FORMAT -> out.writeByte(code(CONTAINER_FORMATS, (ContainerFormat) value));
    }
  }

  private static Comparable<?> readValue(ByteReader in, Field.ValueKind kind) {
    return switch (kind) {
      case STRING -> in.readString();
      case LONG -> in.readSigned();
      case MEDIA_TYPE -> read(in, MEDIA_TYPES);
      case CODEC -> read(in, CODECS);
      case CONTAINER_FORMAT -> read(in, CONTAINER_FORMATS);
    };
  }

  private static void writeInstant(ByteWriter out, Instant instant) {
    out.writeSigned(instant.getEpochSecond());
    out.writeUnsigned(instant.getNano());
  }

  private static Instant readInstant(ByteReader in) {
    long seconds = in.readSigned();
    return Instant.ofEpochSecond(seconds, in.readBounded(1_000_000_000, "nanoseconds"));
  }

  private static Stamp stamp(ByteReader in, Stamp[] stamps) {
    return stamps[in.readBounded(stamps.length, "stamp index")];
  }

  private static <T> int code(T[] table, T value) {
    for (int i = 0; i < table.length; i++) {
      if (table[i] == value) {
        return i;
      }
    }
    throw new IllegalStateException("no stored code for " + value);
  }

  private static <T> T read(ByteReader in, T[] table) {
    int code = in.readByte();
    if (code >= table.length) {
      throw new IllegalArgumentException("unknown code " + code + " for " + table[0].getClass());
    }
    return table[code];
  }
}
