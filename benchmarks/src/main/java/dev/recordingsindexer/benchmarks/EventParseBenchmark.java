package dev.recordingsindexer.benchmarks;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
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
 * {@link EventParser#parse}: JSON reading plus every schema rule, for a valid and an invalid value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventParseBenchmark {

  private EventParser parser;
  private byte[] completed;
  private byte[] invalid;

  @Setup
  public void setUp() {
    parser = new EventParser();
    completed = SampleEvents.completed(7);
    invalid = SampleEvents.invalidCompleted(7);
    SampleEvents.parse(completed); // fails the setup if the sample is not valid
    if (!(parser.parse(invalid) instanceof ParseResult.Invalid)) {
      throw new IllegalStateException("the invalid sample parses");
    }
  }

  @Benchmark
  public void parseCompleted(Blackhole bh) {
    bh.consume(parser.parse(completed));
  }

  @Benchmark
  public void parseInvalid(Blackhole bh) {
    bh.consume(parser.parse(invalid));
  }
}
