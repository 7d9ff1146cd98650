package dev.recordingsindexer.benchmarks.load;

import java.util.Locale;

/** Prints "what: count (rate/s so far) extra" to stdout at most every 5 seconds. */
final class Progress {

  private static final long EVERY_NANOS = 5_000_000_000L;

  private final String what;
  private final long start = System.nanoTime();
  private long lastPrint = start;

  Progress(String what) {
    this.what = what;
  }

  /** Prints when 5 s have passed since the last line. */
  void maybePrint(long count, String extra) {
    long now = System.nanoTime();
    if (now - lastPrint >= EVERY_NANOS) {
      lastPrint = now;
      print(count, extra);
    }
  }

  /** Prints "what: text" with the elapsed time. */
  void printText(String text) {
    System.out.printf(
        Locale.ROOT, "[%6.1fs] %s: %s%n", (System.nanoTime() - start) / 1e9, what, text);
    System.out.flush();
  }

  void print(long count, String extra) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "[%6.1fs] %s: %,d (%,.0f/s) %s%n",
        seconds,
        what,
        count,
        seconds > 0 ? count / seconds : 0.0,
        extra);
    System.out.flush();
  }
}
