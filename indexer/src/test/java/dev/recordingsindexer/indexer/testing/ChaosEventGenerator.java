package dev.recordingsindexer.indexer.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded source of realistic, chaotic input streams: a few accounts with rooms, participants and
 * tracks; recordings started, completed, failed and deleted; events shuffled out of order,
 * duplicated, started late, sharing timestamps (told apart by sequence numbers), carrying explicit
 * {@code date_created} values that move earlier, grouping SIDs spread over several events, codecs
 * in any letter case, nulls and unknown fields, keyed by recording SID, by room or not at all; plus
 * malformed records of every kind the contract names, account conflicts and tombstones. Many
 * recordings share the same {@code date_created} second, so the list order often ties on SID.
 *
 * <p>What it guarantees, so that the contract fixes the outcome: the same seed and size give the
 * same records; no two distinct events of one recording share (timestamp, sequence number, rank);
 * and a recording with an account conflict or a tombstone has every record keyed by its SID (so one
 * partition keeps their order), its first own event delivered before the conflicting one, and its
 * tombstone after all its earlier events (the events delivered after the tombstone must not bring
 * it back). Every other recording's events are delivered in any order.
 */
public final class ChaosEventGenerator {

  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

  private final Random random;
  private final List<Account> accounts = new ArrayList<>();

  record Account(String sid, List<Room> rooms) {}

  record Room(String sid, List<Participant> participants) {}

  record Participant(String sid, List<String> tracks) {}

  /** One delivered record and the recording it belongs to (-1 for none). */
  record Delivery(int owner, RawRecord record) {}

  public ChaosEventGenerator(long seed) {
    this.random = new Random(seed);
    for (int a = 0; a < 3; a++) {
      List<Room> rooms = new ArrayList<>();
      for (int r = 0; r < 2 + random.nextInt(2); r++) {
        List<Participant> participants = new ArrayList<>();
        for (int p = 0; p < 2 + random.nextInt(2); p++) {
          participants.add(new Participant(sid("PA"), List.of(sid("MT"), sid("MT"))));
        }
        rooms.add(new Room(sid("RM"), participants));
      }
      accounts.add(new Account(sid("AC"), rooms));
    }
  }

  /** The accounts the streams use. */
  public List<String> accountSids() {
    return accounts.stream().map(Account::sid).toList();
  }

  /** A stream about {@code recordings} recordings (plus malformed records), in delivery order. */
  public List<RawRecord> generate(int recordings) {
    List<Delivery> deliveries = new ArrayList<>();
    List<List<Delivery>> ordered = new ArrayList<>();
    int seconds = Math.max(1, recordings / 4);
    for (int index = 0; index < recordings; index++) {
      Account account = accounts.get(random.nextInt(accounts.size()));
      Instant start = EPOCH.plusSeconds(random.nextInt(seconds)).plusMillis(random.nextInt(1000));
      RecordingLifecycle lifecycle = new RecordingLifecycle(random, this, account, start);
      boolean conflict = random.nextInt(100) < 5;
      boolean tombstone = random.nextInt(100) < 5;
      List<ObjectNode> events = lifecycle.events();
      if (!conflict && !tombstone) {
        for (ObjectNode event : events) {
          RawRecord record = new RawRecord(key(lifecycle), event.toString());
          deliveries.add(new Delivery(index, record));
          if (random.nextInt(10) == 0) {
            deliveries.add(new Delivery(index, record));
          }
        }
        ordered.add(List.of());
        continue;
      }
      List<Delivery> sequence = new ArrayList<>();
      Collections.shuffle(events, random);
      for (ObjectNode event : events) {
        sequence.add(own(index, lifecycle, event));
      }
      if (conflict) {
        String other = otherAccount(account).sid();
        int at = 1 + random.nextInt(sequence.size());
        sequence.add(at, own(index, lifecycle, lifecycle.conflicting(other)));
      }
      if (tombstone) {
        sequence.add(new Delivery(index, new RawRecord(lifecycle.sid(), null)));
        if (random.nextBoolean()) {
          sequence.add(own(index, lifecycle, lifecycle.afterPurge()));
        }
      }
      deliveries.addAll(sequence);
      ordered.add(sequence);
    }
    deliveries.addAll(new MalformedRecords(random, this).some(Math.max(7, recordings / 10)));
    Collections.shuffle(deliveries, random);
    restoreOrder(deliveries, ordered);
    return deliveries.stream().map(Delivery::record).toList();
  }

  /** Puts each constrained recording's records back in its required order, on the same slots. */
  private static void restoreOrder(List<Delivery> deliveries, List<List<Delivery>> ordered) {
    List<List<Integer>> slots = new ArrayList<>();
    ordered.forEach(sequence -> slots.add(new ArrayList<>()));
    for (int slot = 0; slot < deliveries.size(); slot++) {
      int owner = deliveries.get(slot).owner();
      if (owner >= 0 && !ordered.get(owner).isEmpty()) {
        slots.get(owner).add(slot);
      }
    }
    for (int owner = 0; owner < ordered.size(); owner++) {
      List<Delivery> sequence = ordered.get(owner);
      for (int i = 0; i < sequence.size(); i++) {
        deliveries.set(slots.get(owner).get(i), sequence.get(i));
      }
    }
  }

  private Delivery own(int index, RecordingLifecycle lifecycle, ObjectNode event) {
    return new Delivery(index, new RawRecord(lifecycle.sid(), event.toString()));
  }

  private String key(RecordingLifecycle lifecycle) {
    int choice = random.nextInt(100);
    if (choice < 60) {
      return lifecycle.sid();
    }
    return choice < 85 ? lifecycle.room().sid() : null;
  }

  private Account otherAccount(Account account) {
    int index = accounts.indexOf(account);
    return accounts.get((index + 1 + random.nextInt(accounts.size() - 1)) % accounts.size());
  }

  Account anyAccount() {
    return accounts.get(random.nextInt(accounts.size()));
  }

  /** A fresh SID with the prefix and 32 random lowercase hex digits. */
  String sid(String prefix) {
    StringBuilder sid = new StringBuilder(prefix);
    for (int i = 0; i < 32; i++) {
      sid.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sid.toString();
  }

  /** The instant in one of the RFC 3339 spellings the contract allows. */
  String rfc3339(Instant instant) {
    return switch (random.nextInt(4)) {
      case 0 -> instant.atOffset(ZoneOffset.ofHours(2)).format(WITH_OFFSET);
      case 1 -> instant.atOffset(ZoneOffset.ofHoursMinutes(-5, -30)).format(WITH_OFFSET);
      default -> instant.toString();
    };
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
