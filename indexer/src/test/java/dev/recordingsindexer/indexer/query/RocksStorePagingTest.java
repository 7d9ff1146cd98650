package dev.recordingsindexer.indexer.query;

import static dev.recordingsindexer.indexer.query.PagingProperties.assertFetchIsAccountScoped;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertFollowingNextVisits;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertOffsetPages;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertPreviousPages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.event.EventParser;
import dev.recordingsindexer.indexer.event.ParseResult;
import dev.recordingsindexer.indexer.event.RecordingEvent;
import dev.recordingsindexer.indexer.fold.FoldResult;
import dev.recordingsindexer.indexer.fold.RecordingFold;
import dev.recordingsindexer.indexer.fold.RecordingState;
import dev.recordingsindexer.indexer.model.Recording;
import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.ForwardingScanIterator;
import dev.recordingsindexer.indexer.store.IndexKind;
import dev.recordingsindexer.indexer.store.IndexScan;
import dev.recordingsindexer.indexer.store.RecordingReader;
import dev.recordingsindexer.indexer.store.RecordingStore;
import dev.recordingsindexer.indexer.store.RecordingStores;
import dev.recordingsindexer.indexer.store.RocksDbSettings;
import dev.recordingsindexer.indexer.store.ScanIterator;
import dev.recordingsindexer.indexer.store.TestStoreContext;
import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.RawRecord;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.streams.processor.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paging properties ({@link PagingProperties}), over three real RocksDB-backed {@link
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
      Set<String> purged)
      implements PagingProperties.OracleWorld {}

  @AfterEach
  void closeStores() {
    opened.forEach(StateStore::close);
    opened.clear();
  }

  @Test
  void shouldVisitExactlyTheOraclesListFollowingAfterCursors() {
    forEveryCase(
        (world, account, filter, size, expected) ->
            assertFollowingNextVisits(world.queries(), account, filter, size, expected));
  }

  @Test
  void shouldReturnThePreviousPageBeforeEveryPage() {
    forEveryCase(
        (world, account, filter, size, expected) ->
            assertPreviousPages(world.queries(), account, filter, size));
  }

  @Test
  void shouldMatchTheOraclesOffsetPagesWhenSkipping() {
    forEveryCase(
        (world, account, filter, size, expected) ->
            assertOffsetPages(world.queries(), account, filter, size, expected));
  }

  @Test
  void shouldFetchOnlyTheCallersRecordings() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      World world = world(seed);
      assertFetchIsAccountScoped(world.queries(), world.oracle(), world.accounts());
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

  private void forEveryCase(PagingProperties.Case<World> check) {
    PagingProperties.forEveryCase(
        SEEDS, PAGE_SIZES, 30, this::world, RocksStorePagingTest::assertOpenScansClosed, check);
  }

  private static void assertOpenScansClosed(World world) {
    // Status and media type walks start on the date index; some went on along their own.
    assertThat(world.readers().stream().flatMap(reader -> reader.kinds().stream()))
        .as("indexes walked")
        .contains(IndexKind.DATE, IndexKind.STATUS, IndexKind.MEDIA_TYPE);
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
    stores.forEach(store -> ((StateStore) store).commit(Map.of()));
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
    stateStore.init(new TestStoreContext(dir), stateStore);
    opened.add(stateStore);
    return store;
  }

  private static RecordingStore partition(List<RecordingStore> stores, String sid) {
    return stores.get(Math.abs(sid.hashCode() % PARTITIONS));
  }

  /**
   * A reader that counts the scans it opened and those not yet closed; it reads as the store does
   * (recordings stored with date index entries, candidates by position).
   */
  private static final class CountingReader implements RecordingReader {
    private final RecordingReader delegate;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private final Set<IndexKind> kinds = ConcurrentHashMap.newKeySet();

    CountingReader(RecordingReader delegate) {
      this.delegate = delegate;
    }

    int openScans() {
      return open.get();
    }

    int opened() {
      return opened.get();
    }

    Set<IndexKind> kinds() {
      return kinds;
    }

    @Override
    public Optional<Recording> get(String sid) {
      return delegate.get(sid);
    }

    @Override
    public Optional<Recording> getAt(String accountSid, SortKey key) {
      return delegate.getAt(accountSid, key);
    }

    @Override
    public ScanIterator scan(IndexScan scan) {
      ScanIterator iterator = delegate.scan(scan);
      kinds.add(scan.kind());
      open.incrementAndGet();
      opened.incrementAndGet();
      return new ForwardingScanIterator(iterator) {
        private boolean closed;

        @Override
        public void close() {
          super.close();
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
}
