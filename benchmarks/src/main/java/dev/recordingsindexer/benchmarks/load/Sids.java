package dev.recordingsindexer.benchmarks.load;

import java.util.SplittableRandom;

/**
 * Derives everything random about one entity from the data set's seed and the entity's coordinates,
 * so that any recording can be rebuilt in O(1) without remembering earlier ones.
 */
final class Sids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sids() {}

  /** A random source for the entity named by {@code salt} and its coordinates. */
  static SplittableRandom random(long seed, long salt, long... coordinates) {
    long hash = mix(seed ^ mix(salt));
    for (long coordinate : coordinates) {
      hash = mix(hash ^ (coordinate * 0x9E3779B97F4A7C15L));
    }
    return new SplittableRandom(hash);
  }

  /** A SID: the two-letter prefix and 32 lowercase hex digits (128 random bits). */
  static String sid(String prefix, SplittableRandom random) {
    char[] text = new char[34];
    text[0] = prefix.charAt(0);
    text[1] = prefix.charAt(1);
    fillHex(text, 2, random.nextLong());
    fillHex(text, 18, random.nextLong());
    return new String(text);
  }

  /** The SID of an entity named by {@code salt} and its coordinates. */
  static String sid(String prefix, long seed, long salt, long... coordinates) {
    return sid(prefix, random(seed, salt, coordinates));
  }

  private static void fillHex(char[] text, int at, long bits) {
    for (int i = 0; i < 16; i++) {
      text[at + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xF];
    }
  }

  /** Stafford's variant 13 of the 64-bit finaliser of MurmurHash3. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
