package dev.recordingsindexer.api.tools;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on a terminal stream, at most once per
 * percent, so a large file does not flood a log. Not thread-safe.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long total;
  private int drawnPercent = -1;

  ProgressBar(PrintStream out, long total) {
    this.out = out;
    this.total = Math.max(total, 1);
  }

  void update(long done, long records) {
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == drawnPercent) {
      return;
    }
    drawnPercent = percent;
    int filled = percent * WIDTH / 100;
    out.print(
        "\r["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + percent
            + "% "
            + records
            + " records");
    out.flush();
  }

  void finish() {
    out.println();
  }
}
