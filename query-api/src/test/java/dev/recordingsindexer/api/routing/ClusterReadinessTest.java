package dev.recordingsindexer.api.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.api.http.Readiness;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class ClusterReadinessTest {

  private final FakeOwners owners = new FakeOwners();

  @Test
  void shouldBeReadyWhenEveryPartitionHasAnOwner() {
    for (int partition = 0; partition < 6; partition++) {
      owners.set(partition, Optional.of(new HostInfo("h" + partition % 3, 80)));
    }

    assertThat(new ClusterReadiness(owners, Readiness.always()).whyNotReady()).isEmpty();
  }

  @Test
  void shouldNameThePartitionsWithoutAnyOwner() {
    for (int partition = 0; partition < 6; partition++) {
      owners.set(partition, Optional.of(FakeOwners.SELF));
    }
    owners.set(1, Optional.empty(), FakeOwners.SELF);
    owners.set(4, Optional.empty());

    assertThat(new ClusterReadiness(owners, Readiness.always()).whyNotReady())
        .contains("partitions without an owner: [4]");
  }

  @Test
  void shouldReportTheLocalReasonFirst() {
    assertThat(new ClusterReadiness(owners, () -> Optional.of("streams REBALANCING")).whyNotReady())
        .contains("streams REBALANCING");
  }
}
