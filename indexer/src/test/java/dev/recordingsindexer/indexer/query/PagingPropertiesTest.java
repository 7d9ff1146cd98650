package dev.recordingsindexer.indexer.query;

import static dev.recordingsindexer.indexer.query.PagingProperties.assertFetchIsAccountScoped;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertFollowingNextVisits;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertOffsetPages;
import static dev.recordingsindexer.indexer.query.PagingProperties.assertPreviousPages;
import static dev.recordingsindexer.indexer.query.PagingProperties.partitioned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recordingsindexer.indexer.testing.ChaosEventGenerator;
import dev.recordingsindexer.indexer.testing.ContractOracle;
import dev.recordingsindexer.indexer.testing.InMemoryRecordingReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded property checks ({@link PagingProperties}) of {@link LocalRecordingQueries} over several
 * partitions filled from the contract oracle's results of generated streams: every way of paging
 * agrees with the oracle's list.
 */
class PagingPropertiesTest {

  private static final int SEEDS = 5;
  private static final int PARTITIONS = 3;
  private static final int[] PAGE_SIZES = {1, 2, 7, 50};

  private record World(
      ContractOracle oracle,
      List<InMemoryRecordingReader> readers,
      LocalRecordingQueries queries,
      List<String> accounts)
      implements PagingProperties.OracleWorld {}

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
    }
  }

  private static void forEveryCase(PagingProperties.Case<World> check) {
    PagingProperties.forEveryCase(
        SEEDS,
        PAGE_SIZES,
        20,
        PagingPropertiesTest::world,
        world -> {
          for (InMemoryRecordingReader reader : world.readers()) {
            assertThat(reader.openScans()).as("scans left open").isZero();
          }
        },
        check);
  }

  private static World world(long seed) {
    ChaosEventGenerator generator = new ChaosEventGenerator(seed);
    ContractOracle oracle = new ContractOracle().acceptAll(generator.generate(150));
    List<InMemoryRecordingReader> all = partitioned(oracle, PARTITIONS);
    return new World(
        oracle, all, new LocalRecordingQueries(() -> List.copyOf(all)), generator.accountSids());
  }
}
