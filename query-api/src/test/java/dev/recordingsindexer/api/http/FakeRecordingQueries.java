package dev.recordingsindexer.api.http;

import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.query.ListPage;
import dev.recordingsindexer.indexer.query.ListRequest;
import dev.recordingsindexer.indexer.query.PagePosition;
import dev.recordingsindexer.indexer.query.QueryUnavailableException;
import dev.recordingsindexer.indexer.query.RecordingFilter;
import dev.recordingsindexer.indexer.query.RecordingQueries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory {@link RecordingQueries} that sorts and filters a list on every call, so HTTP tests
 * need no stores. It remembers the last request and can be told to be unavailable or to fail.
 */
final class FakeRecordingQueries implements RecordingQueries {

  private final List<Recording> recordings = new CopyOnWriteArrayList<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final AtomicReference<ListRequest> lastRequest = new AtomicReference<>();

  /** Forgets every recording and any failure set. */
  void reset() {
    recordings.clear();
    failure.set(null);
    lastRequest.set(null);
  }

  void add(Recording recording) {
    recordings.removeIf(r -> r.sid().equals(recording.sid()));
    recordings.add(recording);
  }

  void unavailable(Duration retryAfter) {
    failure.set(new QueryUnavailableException("partition 3 restoring", retryAfter));
  }

  void failWith(RuntimeException exception) {
    failure.set(exception);
  }

  ListRequest lastRequest() {
    return lastRequest.get();
  }

  @Override
  public ListPage list(ListRequest request) {
    lastRequest.set(request);
    throwIfFailing();
    List<Recording> matches =
        recordings.stream()
            .filter(r -> r.accountSid().equals(request.accountSid()))
            .filter(r -> matches(request.filter(), r))
            .sorted((a, b) -> SortKey.of(a).compareTo(SortKey.of(b)))
            .toList();
    int from;
    int to;
    PagePosition position = request.position();
    if (position instanceof PagePosition.Start start) {
      from = (int) Math.min(start.skip(), matches.size());
      to = Math.min(from + request.pageSize(), matches.size());
    } else if (position instanceof PagePosition.After after) {
      from = countBefore(matches, after.key(), true);
      to = Math.min(from + request.pageSize(), matches.size());
    } else {
      PagePosition.Before before = (PagePosition.Before) position;
      to = countBefore(matches, before.key(), before.inclusive());
      from = Math.max(0, to - request.pageSize());
    }
    List<Recording> page = new ArrayList<>(matches.subList(from, to));
    return new ListPage(page, !page.isEmpty() && to < matches.size(), "fake");
  }

  @Override
  public Optional<Recording> fetch(String accountSid, String sid) {
    throwIfFailing();
    return recordings.stream()
        .filter(r -> r.accountSid().equals(accountSid) && r.sid().equals(sid))
        .findFirst();
  }

  private void throwIfFailing() {
    RuntimeException exception = failure.get();
    if (exception != null) {
      throw exception;
    }
  }

  private static int countBefore(List<Recording> sorted, SortKey key, boolean inclusive) {
    int count = 0;
    for (Recording recording : sorted) {
      int order = SortKey.of(recording).compareTo(key);
      if (order < 0 || (inclusive && order == 0)) {
        count++;
      }
    }
    return count;
  }

  private static boolean matches(RecordingFilter filter, Recording r) {
    return (filter.status() == null || filter.status() == r.status())
        && (filter.sourceSid() == null || filter.sourceSid().equals(r.sourceSid()))
        && r.groupingSids().values().containsAll(filter.groupingSids())
        && (filter.createdAtOrAfter() == null
            || !r.dateCreated().isBefore(filter.createdAtOrAfter()))
        && (filter.createdBefore() == null || r.dateCreated().isBefore(filter.createdBefore()))
        && (filter.mediaType() == null || filter.mediaType() == r.type());
  }
}
