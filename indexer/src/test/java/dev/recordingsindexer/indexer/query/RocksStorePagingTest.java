package dev.recordingsindexer.indexer.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.fold.FoldResult;
import dev.recordingsindexer.indexer.fold.RecordingFold;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.model.MediaType;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.RecordingStatus;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexScan;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.RecordingStore;
import dev.recordingsindexer.indexer.store.RecordingStores;
import dev.recordingsindexer.indexer.store.RocksDbSettings;
import dev.recordingsindexer.indexer.store.ScanIterator;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paging properties of {@link PagingPropertiesTest}, over three real RocksDB-backed {@link
 * RecordingStore} partitions filled by the production parser and fold from generated streams: every
 * way of paging agrees with the contract oracle's list.
 */
class RocksStorePagingTest {

  private static final int SEEDS = 2;
  private static final int RECORDINGS = 150;
  private static final int PARTITIONS = 3;
  private static final int[] PAGE_SIZES = {1, 7, 50};
  private static final Pattern RECORDING_SID = Pattern.compile("^RT[0-9a-fA-F]{32}$");

  @TempDir File stateDir;
  private final List<StateStore> opened = new ArrayList<>();

  private record World(
      ContractOracle oracle,
      List<CountingReader> readers,
      LocalRecordingQueries queries,
      List<String> accounts,
      Set<String> purged) {}

  @AfterEach
  void closeStores() {
    opened.forEach(StateStore::close);
    opened.clear();
  }

  @Test
  void shouldVisitExactlyTheOraclesListFollowingAfterCursors() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          List<ListPage> pages = walk(world.queries(), account, filter, size);
          List<Recording> visited = pages.stream().flatMap(p -> p.recordings().stream()).toList();
          assertThat(visited).as("%s %s size %d", account, filter, size).isEqualTo(expected);
          for (int k = 0; k < pages.size() - 1; k++) {
            assertThat(pages.get(k).recordings()).hasSize(size);
            assertThat(pages.get(k).hasMoreAfter()).isTrue();
          }
          assertThat(pages.get(pages.size() - 1).hasMoreAfter()).isFalse();
          assertThat(pages).hasSize(Math.max(1, (expected.size() + size - 1) / size));
        });
  }

  @Test
  void shouldReturnThePreviousPageBeforeEveryPage() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          List<ListPage> pages = walk(world.queries(), account, filter, size);
          for (int k = 1; k < pages.size(); k++) {
            SortKey first = SortKey.of(pages.get(k).recordings().get(0));
            ListPage previous =
                world
                    .queries()
                    .list(request(account, filter, new PagePosition.Before(first, false), size));
            assertThat(previous.recordings())
                .as("%s %s size %d before page %d", account, filter, size, k)
                .isEqualTo(pages.get(k - 1).recordings());
            assertThat(previous.hasMoreAfter()).isTrue();

            SortKey last = SortKey.of(pages.get(k - 1).recordings().get(size - 1));
            ListPage inclusive =
                world
                    .queries()
                    .list(request(account, filter, new PagePosition.Before(last, true), size));
            assertThat(inclusive.recordings())
                .as("%s %s size %d inclusive before page %d", account, filter, size, k)
                .isEqualTo(pages.get(k - 1).recordings());
          }
        });
  }

  @Test
  void shouldMatchTheOraclesOffsetPagesWhenSkipping() {
    forEveryCase(
        (world, account, filter, size, expected) -> {
          int n = expected.size();
          for (long skip : new long[] {0, size, 2L * size, Math.max(0, n - 1), n, n + 3L}) {
            ListPage page =
                world.queries().list(request(account, filter, new PagePosition.Start(skip), size));
            int from = (int) Math.min(skip, n);
            int to = (int) Math.min(skip + size, n);
            assertThat(page.recordings())
                .as("%s %s size %d skip %d", account, filter, size, skip)
                .isEqualTo(expected.subList(from, to));
            assertThat(page.hasMoreAfter()).as("skip %d", skip).isEqualTo(skip + size < n);
          }
        });
  }

  @Test
  void shouldFetchOnlyTheCallersRecordings() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      World world = world(seed);
      for (Recording recording : world.oracle().recordings()) {
        assertThat(world.queries().fetch(recording.accountSid(), recording.sid()))
            .contains(recording);
        for (String other : world.accounts()) {
          if (!other.equals(recording.accountSid())) {
            assertThat(world.queries().fetch(other, recording.sid())).isEmpty();
          }
        }
      }
      assertThat(world.purged()).as("purged recordings").isNotEmpty();
      for (String sid : world.purged()) {
        for (String account : world.accounts()) {
          assertThat(world.queries().fetch(account, sid)).as("purged %s", sid).isEmpty();
        }
      }
      for (CountingReader reader : world.readers()) {
        assertThat(reader.openScans()).as("scans left open").isZero();
      }
    }
  }

  private interface Case {
    void check(
        World world, String account, RecordingFilter filter, int size, List<Recording> expected);
  }

  private void forEveryCase(Case check) {
    int nonEmpty = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      World world = world(seed);
      Random random = new Random(seed);
      for (String account : world.accounts()) {
        for (RecordingFilter filter : filters(world.oracle(), account, random)) {
          List<Recording> expected = world.oracle().list(account, filter);
          nonEmpty += expected.isEmpty() ? 0 : 1;
          for (int size : PAGE_SIZES) {
            check.check(world, account, filter, size, expected);
          }
        }
      }
      assertOpenScansClosed(world);
    }
    assertThat(nonEmpty).as("filters with matches").isGreaterThan(SEEDS * 30);
  }

  private static void assertOpenScansClosed(World world) {
    for (CountingReader reader : world.readers()) {
      assertThat(reader.opened()).as("scans opened").isPositive();
      assertThat(reader.openScans()).as("scans left open").isZero();
    }
  }

  /** Three real stores, filled as the topology would from one generated stream. */
  private World world(long seed) {
    ChaosEventGenerator generator = new ChaosEventGenerator(seed);
    List<RawRecord> records = generator.generate(RECORDINGS);
    ContractOracle oracle = new ContractOracle().acceptAll(records);
    List<RecordingStore> stores = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      stores.add(open(new File(stateDir, "seed-" + seed + "-partition-" + p)));
    }
    EventParser parser = new EventParser();
    Set<String> purged = new LinkedHashSet<>();
    long now = 1_000;
    for (RawRecord record : records) {
      if (record.isTombstone()) {
        if (record.key() != null && RECORDING_SID.matcher(record.key()).matches()) {
          partition(stores, record.key()).purge(record.key(), now++);
          purged.add(record.key());
        }
        continue;
      }
      ParseResult parsed = parser.parse(record.value().getBytes(StandardCharsets.UTF_8));
      if (!(parsed instanceof ParseResult.Valid valid)) {
        continue;
      }
      RecordingEvent event = valid.event();
      RecordingStore store = partition(stores, event.recordingSid());
      if (store.isPurged(event.recordingSid())) {
        continue;
      }
      RecordingState current = store.state(event.recordingSid()).orElse(null);
      if (RecordingFold.apply(current, event) instanceof FoldResult.Applied applied
          && !applied.state().equals(current)) {
        store.put(applied.state());
      }
    }
    List<CountingReader> readers = stores.stream().map(CountingReader::new).toList();
    for (CountingReader reader : readers) {
      assertThat(reader.approximateCount()).as("recordings in a partition").isPositive();
    }
    return new World(
        oracle,
        readers,
        new LocalRecordingQueries(() -> List.copyOf(readers)),
        generator.accountSids(),
        purged);
  }

  private RecordingStore open(File dir) {
    RecordingStore store =
        (RecordingStore)
            RecordingStores.builder(RecordingStore.NAME, RocksDbSettings.defaults())
                .withLoggingDisabled()
                .build();
    StateStore stateStore = (StateStore) store;
    stateStore.init(new DirectoryContext(dir), stateStore);
    opened.add(stateStore);
    return store;
  }

  private static RecordingStore partition(List<RecordingStore> stores, String sid) {
    return stores.get(Math.abs(sid.hashCode() % PARTITIONS));
  }

  /** Every kind of filter, with values taken from the account's recordings. */
  private static List<RecordingFilter> filters(
      ContractOracle oracle, String account, Random random) {
    List<Recording> own = oracle.list(account, RecordingFilter.NONE);
    List<RecordingFilter> filters = new ArrayList<>();
    filters.add(RecordingFilter.NONE);
    for (RecordingStatus status : RecordingStatus.values()) {
      filters.add(new RecordingFilter(status, null, List.of(), null, null, null));
    }
    for (MediaType type : MediaType.values()) {
      filters.add(new RecordingFilter(null, null, List.of(), null, null, type));
    }
    if (own.isEmpty()) {
      return filters;
    }
    Recording a = own.get(random.nextInt(own.size()));
    Recording b = own.get(random.nextInt(own.size()));
    Instant early = a.dateCreated().isBefore(b.dateCreated()) ? a.dateCreated() : b.dateCreated();
    Instant late = a.dateCreated().isBefore(b.dateCreated()) ? b.dateCreated() : a.dateCreated();
    filters.add(new RecordingFilter(null, a.sourceSid(), List.of(), null, null, null));
    filters.add(
        new RecordingFilter(RecordingStatus.COMPLETED, a.sourceSid(), List.of(), null, null, null));
    filters.add(new RecordingFilter(null, a.sourceSid(), List.of(), early, late, null));
    String room = a.groupingSids().get("room_sid");
    String participant = b.groupingSids().get("participant_sid");
    if (room != null) {
      filters.add(new RecordingFilter(null, null, List.of(room), null, null, null));
      filters.add(
          new RecordingFilter(
              RecordingStatus.PROCESSING, null, List.of(room), null, null, MediaType.AUDIO));
      filters.add(
          new RecordingFilter(
              null, null, List.of(room), early.plusMillis(250), late.plusMillis(750), null));
    }
    if (room != null && participant != null) {
      filters.add(new RecordingFilter(null, null, List.of(participant, room), null, null, null));
      filters.add(new RecordingFilter(null, null, List.of(room, participant), early, late, null));
    }
    // Windows whose bounds are existing date_created values: after inclusive, before exclusive.
    filters.add(new RecordingFilter(null, null, List.of(), early, late, null));
    filters.add(new RecordingFilter(null, null, List.of(), early, null, null));
    filters.add(new RecordingFilter(null, null, List.of(), null, late, null));
    filters.add(new RecordingFilter(null, null, List.of(), early, early, null));
    filters.add(new RecordingFilter(null, null, List.of(), early, early.plusSeconds(1), null));
    filters.add(new RecordingFilter(null, null, List.of(), late, early, null));
    // Windows whose bounds have fractional seconds, just around existing date_created values.
    filters.add(
        new RecordingFilter(
            null, null, List.of(), early.plusMillis(500), late.plusMillis(1), null));
    filters.add(new RecordingFilter(null, null, List.of(), early.plusNanos(1), null, null));
    filters.add(new RecordingFilter(null, null, List.of(), early.minusNanos(1), null, null));
    filters.add(new RecordingFilter(null, null, List.of(), null, late.plusNanos(1), null));
    filters.add(new RecordingFilter(null, null, List.of(), null, late.minusMillis(1), null));
    filters.add(
        new RecordingFilter(
            null, null, List.of(), late.minusMillis(999), late.plusMillis(999), null));
    filters.add(
        new RecordingFilter(
            RecordingStatus.COMPLETED,
            null,
            List.of(),
            early.minusMillis(1),
            late.plusMillis(1),
            null));
    filters.add(
        new RecordingFilter(
            null, null, List.of(), early.plusMillis(1), late.plusMillis(1), MediaType.AUDIO));
    filters.add(
        new RecordingFilter(
            RecordingStatus.COMPLETED, null, List.of(), early, late, MediaType.VIDEO));
    return filters;
  }

  private static List<ListPage> walk(
      LocalRecordingQueries queries, String account, RecordingFilter filter, int size) {
    List<ListPage> pages = new ArrayList<>();
    PagePosition position = new PagePosition.Start(0);
    while (true) {
      ListPage page = queries.list(request(account, filter, position, size));
      pages.add(page);
      if (!page.hasMoreAfter()) {
        return pages;
      }
      assertThat(pages).as("pages").hasSizeLessThan(1000);
      position =
          new PagePosition.After(SortKey.of(page.recordings().get(page.recordings().size() - 1)));
    }
  }

  private static ListRequest request(
      String account, RecordingFilter filter, PagePosition position, int size) {
    return new ListRequest(account, filter, position, size);
  }

  /** A reader that counts the scans it opened and those not yet closed. */
  private static final class CountingReader implements RecordingReader {
    private final RecordingReader delegate;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();

    CountingReader(RecordingReader delegate) {
      this.delegate = delegate;
    }

    int openScans() {
      return open.get();
    }

    int opened() {
      return opened.get();
    }

    @Override
    public Optional<Recording> get(String sid) {
      return delegate.get(sid);
    }

    @Override
    public ScanIterator scan(IndexScan scan) {
      ScanIterator iterator = delegate.scan(scan);
      open.incrementAndGet();
      opened.incrementAndGet();
      return new ScanIterator() {
        private boolean closed;

        @Override
        public boolean hasNext() {
          return iterator.hasNext();
        }

        @Override
        public SortKey next() {
          return iterator.next();
        }

        @Override
        public void close() {
          iterator.close();
          if (!closed) {
            closed = true;
            open.decrementAndGet();
          }
        }
      };
    }

    @Override
    public long approximateCount() {
      return delegate.approximateCount();
    }
  }

  /** The least a store needs to open outside Kafka Streams: its state directory. */
  private static final class DirectoryContext implements StateStoreContext {
    private final File dir;

    DirectoryContext(File dir) {
      this.dir = dir;
    }

    @Override
    public String applicationId() {
      return "rocks-store-paging-test";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 0);
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
      return Optional.empty();
    }

    @Override
    public Serde<?> keySerde() {
      return null;
    }

    @Override
    public Serde<?> valueSerde() {
      return null;
    }

    @Override
    public File stateDir() {
      return dir;
    }

    @Override
    public StreamsMetrics metrics() {
      throw new UnsupportedOperationException("no metrics here");
    }

    @Override
    public void register(StateStore store, StateRestoreCallback callback) {}

    @Override
    public void register(
        StateStore store, StateRestoreCallback callback, CommitCallback onCommit) {}

    @Override
    public Map<String, Object> appConfigs() {
      return Map.of();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
      return Map.of();
    }
  }
}
