package dev.recordingsindexer.indexer.index;

import dev.recordingsindexer.benchmarks.SampleEvents;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The keys one recording write produces: its primary key ({@link IndexKeys#recording}), one index
 * entry alone (the date index), and every index entry of a completed recording with two grouping
 * SIDs ({@link IndexEntries#of}: date, room, participant, source and status, 5 keys).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndexKeysBenchmark {

  private Recording recording;
  private String sid;
  private String account;
  private SortKey sortKey;

  @Setup
  public void setUp() {
    recording = SampleEvents.completedState(7).toRecording();
    sid = recording.sid();
    account = recording.accountSid();
    sortKey = SortKey.of(recording);
    if (IndexEntries.of(recording).size() != 5) {
      throw new IllegalStateException("the sample recording should have 5 index entries");
    }
  }

  @Benchmark
  public void primaryKey(Blackhole bh) {
    bh.consume(IndexKeys.recording(sid));
  }

  @Benchmark
  public void dateIndexEntry(Blackhole bh) {
    bh.consume(IndexKeys.indexEntry(IndexKeys.indexPrefix(IndexKind.DATE, account, null), sortKey));
  }

  @Benchmark
  public void allIndexEntries(Blackhole bh) {
    bh.consume(IndexEntries.of(recording));
  }

  @Benchmark
  public void primaryAndAllIndexKeys(Blackhole bh) {
    bh.consume(IndexKeys.recording(recording.sid()));
    bh.consume(IndexEntries.of(recording));
  }
}
