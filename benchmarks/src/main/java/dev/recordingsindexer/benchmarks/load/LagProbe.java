package dev.recordingsindexer.benchmarks.load;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer lag of the indexer's group ({@code APPLICATION_ID}) on the input topic and on its
 * repartition topic {@code <app>-recordings-by-sid-repartition}: end offsets minus committed
 * offsets, summed over partitions.
 */
final class LagProbe {

  /** Offsets summed over partitions; a partition without a commit counts as committed 0. */
  record Lag(
      long inputCommitted,
      long inputEnd,
      long repartitionCommitted,
      long repartitionEnd,
      int repartitionPartitions) {

    long input() {
      return inputEnd - inputCommitted;
    }

    long repartition() {
      return repartitionEnd - repartitionCommitted;
    }

    @Override
    public String toString() {
      return String.format("lag input %,d repartition %,d", input(), repartition());
    }
  }

  private final Admin admin;
  private final String group;
  private final String input;
  private final String repartition;

  LagProbe(Admin admin, String applicationId, String inputTopic) {
    this.admin = admin;
    this.group = applicationId;
    this.input = inputTopic;
    this.repartition = applicationId + "-recordings-by-sid-repartition";
  }

  Lag lag() {
    Map<TopicPartition, Long> end = Topics.endOffsets(admin, List.of(input, repartition));
    Map<TopicPartition, Long> committed = Topics.committed(admin, group);
    long[] sums = new long[4];
    int repartitionPartitions = 0;
    for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
      boolean isInput = entry.getKey().topic().equals(input);
      long done = Math.min(entry.getValue(), committed.getOrDefault(entry.getKey(), 0L));
      sums[isInput ? 0 : 2] += done;
      sums[isInput ? 1 : 3] += entry.getValue();
      repartitionPartitions += isInput ? 0 : 1;
    }
    return new Lag(sums[0], sums[1], sums[2], sums[3], repartitionPartitions);
  }
}
