package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Deterministic synthetic data set: same (seed, recordings) -> same SIDs, tokens, events.
 *
 * <p>Shape: {@value #ACCOUNTS} accounts, account 0 holding about 60% of the rooms; rooms of {@value
 * #ROOM_SIZE} track recordings (3 to 5 participants with an audio track, a video track and
 * sometimes a screen share or data track); final statuses about 91.5% completed, 5% processing,
 * 1.5% failed, 2% deleted; {@code date_created} spread over 90 days ending at {@link #END}. Every
 * recording is derived from a hash of (seed, index), so none is ever held in memory.
 */
public final class Dataset {

  /** The fixed end of the creation dates (not now, so runs are comparable). */
  public static final Instant END = Instant.parse("2025-12-31T00:00:00Z");

  static final int ACCOUNTS = 5;
  static final int ROOM_SIZE = 10;
  private static final Duration SPAN = Duration.ofDays(90);
  private static final long ROOM_SALT = 1;
  private static final long RECORDING_SALT = 2;
  private static final long ACCOUNT_SALT = 3;
  private static final long PARTICIPANT_SALT = 4;
  private static final long TRACK_SALT = 5;

  private final long seed;
  private final int recordings;
  private final List<Account> accounts;

  private Dataset(long seed, int recordings) {
    if (recordings < 0) {
      throw new IllegalArgumentException("recordings must be >= 0: " + recordings);
    }
    this.seed = seed;
    this.recordings = recordings;
    List<Account> list = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      SplittableRandom random = Sids.random(seed, ACCOUNT_SALT, a);
      list.add(new Account(Sids.sid("AC", random), Sids.sid("tk", random).substring(2)));
    }
    this.accounts = List.copyOf(list);
  }

  public static Dataset of(long seed, int recordings) {
    return new Dataset(seed, recordings);
  }

  public long seed() {
    return seed;
  }

  public int recordings() {
    return recordings;
  }

  public List<Account> accounts() {
    return accounts;
  }

  /** The recording at {@code index}, rebuilt from the seed in O(1). */
  public Recording recording(int index) {
    if (index < 0 || index >= recordings) {
      throw new IndexOutOfBoundsException("recording " + index + " of " + recordings);
    }
    long room = index / ROOM_SIZE;
    int slot = index % ROOM_SIZE;
    SplittableRandom roomRandom = Sids.random(seed, ROOM_SALT, room);
    String roomSid = Sids.sid("RM", roomRandom);
    int pick = roomRandom.nextInt(100);
    Account account = accounts.get(pick < 60 ? 0 : 1 + (pick - 60) % (ACCOUNTS - 1));
    int participants = 3 + roomRandom.nextInt(3);
    long rooms = Math.max(1, (recordings + ROOM_SIZE - 1) / ROOM_SIZE);
    long usable = SPAN.toSeconds() - 3600;
    long roomStart = (long) ((room + roomRandom.nextDouble()) * usable / rooms);
    int participant = slot % participants;
    int track = slot / participants;
    SplittableRandom random = Sids.random(seed, RECORDING_SALT, index);
    long created = roomStart + participant * 37L + random.nextInt(120) + track;
    int status = random.nextInt(1000);
    return new Recording(
        Sids.sid("RT", random),
        account.sid(),
        roomSid,
        Sids.sid("PA", seed, PARTICIPANT_SALT, room, participant),
        Sids.sid("MT", seed, TRACK_SALT, room, participant, track),
        mediaType(track, roomRandom),
        status < 50 ? "processing" : status < 65 ? "failed" : status < 85 ? "deleted" : "completed",
        firstCreated().plusSeconds(created));
  }

  private static String mediaType(int track, SplittableRandom roomRandom) {
    if (track == 0) {
      return "audio";
    }
    return track == 1 || roomRandom.nextInt(3) > 0 ? "video" : "data";
  }

  public Instant firstCreated() {
    return END.minus(SPAN);
  }

  public Instant lastCreated() {
    return END;
  }

  /** Writes {@code {"AC...": "token", ...}} for the service's ACCOUNTS_FILE. */
  public void writeAccountsFile(Path file) {
    StringBuilder json = new StringBuilder("{");
    for (Account account : accounts) {
      json.append(json.length() > 1 ? ",\n " : "\n ");
      json.append('"').append(account.sid()).append("\": \"").append(account.authToken());
      json.append('"');
    }
    json.append("\n}\n");
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Every event of recordings [from, to) in a chaotic but bounded order, keyed as producers would.
   */
  public Iterator<ProducerRecord<byte[], byte[]>> events(String topic, int from, int to) {
    return new EventStream(this, topic, from, to);
  }

  /** Events of ONE brand-new recording (not among recordings()) used by freshness probes. */
  public List<ProducerRecord<byte[], byte[]>> probeEvents(
      String topic, String accountSid, long probeIndex) {
    return ProbeEvents.of(seed, topic, accountSid, probeIndex);
  }

  /** The recording whose events {@link #probeEvents} writes. */
  public Recording probeRecording(String accountSid, long probeIndex) {
    return ProbeEvents.recording(seed, accountSid, probeIndex);
  }

  public record Account(String sid, String authToken) {}

  public record Recording(
      String sid,
      String accountSid,
      String roomSid,
      String participantSid,
      String sourceSid,
      String mediaType,
      String finalStatus,
      Instant dateCreated) {}
}
