package dev.recordingsindexer.api.routing;

import dev.recordingsindexer.api.http.Readiness;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ready when this instance's own stores are ready ({@code local}) and, per the streams metadata,
 * every partition of the store has an owner to answer for it (an active task, or failing that a
 * standby). It does not call peers: an owner that is listed but dead is found by the query, which
 * then answers 503. Cheap (an in-memory metadata snapshot); thread-safe.
 */
public final class ClusterReadiness implements Readiness {

  private final PartitionOwners owners;
  private final Readiness local;

  public ClusterReadiness(PartitionOwners owners, Readiness local) {
    this.owners = Objects.requireNonNull(owners, "owners");
    this.local = Objects.requireNonNull(local, "local");
  }

  @Override
  public Optional<String> whyNotReady() {
    Optional<String> localReason = local.whyNotReady();
    if (localReason.isPresent()) {
      return localReason;
    }
    try {
      int count = owners.partitionCount();
      List<Integer> orphans = new ArrayList<>();
      for (int partition = 0; partition < count; partition++) {
        PartitionOwners.Owners found = owners.owners(partition);
        if (found.active().isEmpty() && found.standbys().isEmpty()) {
          orphans.add(partition);
        }
      }
      return orphans.isEmpty()
          ? Optional.empty()
          : Optional.of("partitions without an owner: " + orphans);
    } catch (QueryUnavailableException e) {
      return Optional.of(e.getMessage());
    }
  }
}
