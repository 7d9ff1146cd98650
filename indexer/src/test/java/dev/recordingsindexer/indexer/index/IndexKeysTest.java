package dev.recordingsindexer.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recordingsindexer.indexer.model.SortKey;
import dev.recordingsindexer.indexer.store.IndexKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexKeysTest {

  private static final String ACCOUNT = "AC" + "1".repeat(32);
  private static final long[] EDGE_SECONDS = {
    Long.MIN_VALUE / 1000, -62_135_596_800L, -1, 0, 1, 1_767_225_600L, Long.MAX_VALUE / 1000
  };

  @Test
  void shouldSortEncodedSortKeysByUnsignedBytesInListOrder() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      List<SortKey> keys = randomKeys(random, 300);
      byte[] prefix = IndexKeys.indexPrefix(IndexKind.SOURCE, ACCOUNT, "MT" + "d".repeat(32));

      List<SortKey> byBytes = new ArrayList<>(keys);
      byBytes.sort(
          Comparator.comparing(
              (SortKey key) -> IndexKeys.indexEntry(prefix, key), Arrays::compareUnsigned));
      List<SortKey> byMeaning = new ArrayList<>(keys);
      byMeaning.sort(SortKey.LIST_ORDER);

      assertThat(byBytes).as("seed %d", seed).containsExactlyElementsOf(byMeaning);
    }
  }

  @Test
  void shouldDecodeEverySortKeyItEncoded() {
    Random random = new Random(7);
    for (SortKey key : randomKeys(random, 2_000)) {
      byte[] prefix = IndexKeys.indexPrefix(IndexKind.STATUS, ACCOUNT, "completed");
      byte[] entry = IndexKeys.indexEntry(prefix, key);

      assertThat(IndexKeys.sortKeyOf(entry, prefix.length)).isEqualTo(key);
    }
  }

  @Test
  void shouldNeverLetOnePrefixStartAnotherKeyKind() {
    List<byte[]> prefixes = new ArrayList<>();
    prefixes.add(IndexKeys.recordingPrefix());
    prefixes.add(IndexKeys.markerExpiryPrefix());
    prefixes.add(IndexKeys.marker(""));
    for (String account : List.of(ACCOUNT, "AC" + "2".repeat(32), "AC1")) {
      prefixes.add(IndexKeys.indexPrefix(IndexKind.DATE, account, null));
      for (String value : List.of("RM" + "a".repeat(32), "RM" + "a".repeat(31), "completed", "")) {
        prefixes.add(IndexKeys.indexPrefix(IndexKind.GROUPING, account, value));
        prefixes.add(IndexKeys.indexPrefix(IndexKind.SOURCE, account, value));
        prefixes.add(IndexKeys.indexPrefix(IndexKind.STATUS, account, value));
      }
    }
    SortKey key = new SortKey(Instant.ofEpochSecond(0), "RT" + "0".repeat(32));

    for (byte[] a : prefixes) {
      for (byte[] b : prefixes) {
        if (a != b) {
          assertThat(startsWith(b, a))
              .as("%s starts %s", Arrays.toString(a), Arrays.toString(b))
              .isFalse();
          if (a.length > 1 && b.length > 1) {
            assertThat(startsWith(IndexKeys.indexEntry(b, key), a)).isFalse();
          }
        }
      }
    }
  }

  @Test
  void shouldBoundEveryIndexEntryAndNoOtherKeyByTheIndexRange() {
    Comparator<byte[]> bytes = Arrays::compareUnsigned;
    byte[] start = IndexKeys.indexEntriesStart();
    byte[] end = IndexKeys.indexEntriesEnd();
    SortKey key = new SortKey(Instant.ofEpochSecond(-5), "RT" + "f".repeat(32));
    for (IndexKind kind : IndexKind.values()) {
      byte[] entry =
          IndexKeys.indexEntry(
              IndexKeys.indexPrefix(kind, ACCOUNT, kind == IndexKind.DATE ? null : "\u007f"), key);
      assertThat(bytes.compare(entry, start)).as(kind.name()).isGreaterThanOrEqualTo(0);
      assertThat(bytes.compare(entry, end)).as(kind.name()).isNegative();
    }
    String sid = "RT" + "0".repeat(32);
    for (byte[] other :
        List.of(IndexKeys.recording(sid), IndexKeys.marker(sid), IndexKeys.markerExpiry(0, sid))) {
      boolean inside = bytes.compare(other, start) >= 0 && bytes.compare(other, end) < 0;
      assertThat(inside).as(Arrays.toString(other)).isFalse();
    }
  }

  @Test
  void shouldOrderMarkerExpiryKeysByTimeAscendingIncludingBefore1970() {
    String sid = "RT" + "0".repeat(32);
    long[] times = {-5_000, -1, 0, 1, 1_767_225_600_000L};

    for (int i = 1; i < times.length; i++) {
      byte[] earlier = IndexKeys.markerExpiry(times[i - 1], sid);
      byte[] later = IndexKeys.markerExpiry(times[i], sid);
      assertThat(Arrays.compareUnsigned(earlier, later)).isNegative();
      assertThat(IndexKeys.markerExpiryTime(later)).isEqualTo(times[i]);
      assertThat(IndexKeys.markerExpirySid(later)).isEqualTo(sid);
    }
  }

  @Test
  void shouldRefuseKeysThatCannotSortCorrectly() {
    byte[] prefix = IndexKeys.indexPrefix(IndexKind.DATE, ACCOUNT, null);

    assertThatThrownBy(
            () -> IndexKeys.indexEntry(prefix, new SortKey(Instant.ofEpochMilli(1_500), "RT1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> IndexKeys.indexEntry(prefix, new SortKey(Instant.EPOCH, "RTé")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASCII");
    assertThatThrownBy(() -> IndexKeys.indexPrefix(IndexKind.DATE, ACCOUNT, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<SortKey> randomKeys(Random random, int count) {
    List<SortKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long seconds =
          switch (random.nextInt(3)) {
            case 0 -> EDGE_SECONDS[random.nextInt(EDGE_SECONDS.length)];
            case 1 -> 1_767_225_600L + random.nextInt(20);
            default -> random.nextLong() / 1000;
          };
      keys.add(new SortKey(Instant.ofEpochSecond(seconds), randomSid(random)));
    }
    return keys;
  }

  private static String randomSid(Random random) {
    if (random.nextBoolean()) {
      return "RT" + String.format("%032x", random.nextInt(8));
    }
    StringBuilder sid = new StringBuilder();
    int length = random.nextInt(4);
    for (int i = 0; i < length; i++) {
      sid.append((char) (1 + random.nextInt(127)));
    }
    return sid.toString();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
