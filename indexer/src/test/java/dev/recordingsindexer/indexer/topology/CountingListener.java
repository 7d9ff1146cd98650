package dev.recordingsindexer.indexer.topology;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link IndexerListener} that remembers what it was told. */
final class CountingListener implements IndexerListener {

  final AtomicInteger consumed = new AtomicInteger();
  final AtomicInteger purged = new AtomicInteger();
  final List<String> deadLettered = new CopyOnWriteArrayList<>();

  @Override
  public void onConsumed() {
    consumed.incrementAndGet();
  }

  @Override
  public void onDeadLettered(String reason) {
    deadLettered.add(reason);
  }

  @Override
  public void onPurged() {
    purged.incrementAndGet();
  }
}
