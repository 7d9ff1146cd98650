package dev.recordingsindexer.benchmarks;

import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.fold.RecordingFold;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.fold.RecordingStateCodec;
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
 * The per-event store work besides parsing: {@link RecordingFold#apply} of a completed event onto a
 * started state, and the stored form of a completed state ({@link RecordingStateCodec}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FoldBenchmark {

  private RecordingState started;
  private RecordingEvent completedEvent;
  private RecordingState completed;
  private byte[] encoded;

  @Setup
  public void setUp() {
    started = SampleEvents.startedState(7);
    completedEvent = SampleEvents.parse(SampleEvents.completed(7));
    completed = SampleEvents.fold(started, completedEvent);
    encoded = RecordingStateCodec.encode(completed);
    if (!RecordingStateCodec.decode(encoded).equals(completed)) {
      throw new IllegalStateException("the codec does not round-trip the sample state");
    }
  }

  @Benchmark
  public void foldCompletedOntoStarted(Blackhole bh) {
    bh.consume(RecordingFold.apply(started, completedEvent));
  }

  @Benchmark
  public void encodeState(Blackhole bh) {
    bh.consume(RecordingStateCodec.encode(completed));
  }

  @Benchmark
  public void decodeState(Blackhole bh) {
    bh.consume(RecordingStateCodec.decode(encoded));
  }
}
