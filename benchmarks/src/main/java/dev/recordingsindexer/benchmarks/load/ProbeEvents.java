package dev.recordingsindexer.benchmarks.load;

import dev.recordingsindexer.benchmarks.load.Dataset.Recording;
import dev.recordingsindexer.benchmarks.load.Lifecycle.Event;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Brand-new recordings for freshness probes: SIDs from their own hash space (never among the data
 * set's), created one day after {@link Dataset#END} plus one second per probe index (so they head
 * their account's list, later probes first), completed, keyed by SID.
 */
final class ProbeEvents {

  private static final long PROBE_SALT = 20;

  private ProbeEvents() {}

  static Recording recording(long seed, String accountSid, long probeIndex) {
    SplittableRandom random = Sids.random(seed, PROBE_SALT, probeIndex);
    return new Recording(
        Sids.sid("RT", random),
        accountSid,
        Sids.sid("RM", random),
        Sids.sid("PA", random),
        Sids.sid("MT", random),
        "audio",
        "completed",
        Dataset.END.plus(1, ChronoUnit.DAYS).plusSeconds(probeIndex));
  }

  static List<ProducerRecord<byte[], byte[]>> of(
      long seed, String topic, String accountSid, long probeIndex) {
    Recording recording = recording(seed, accountSid, probeIndex);
    List<Event> events = new ArrayList<>();
    new Lifecycle(recording, Sids.random(seed, PROBE_SALT + 1, probeIndex)).appendTo(events);
    return events.stream()
        .map(e -> new ProducerRecord<>(topic, recording.sid().getBytes(), e.value()))
        .toList();
  }
}
