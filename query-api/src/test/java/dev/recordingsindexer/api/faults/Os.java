package dev.recordingsindexer.api.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system commands the drills need ({@code kill}, {@code mount}, {@code ip}, {@code
 * nft}), run to completion with their output kept for the error message.
 */
final class Os {

  private Os() {}

  /**
   * Runs {@code command} and returns its combined output.
   *
   * @throws IllegalStateException when it exits non-zero or takes longer than 30 s
   */
  static String run(String... command) {
    String output = null;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish: " + output);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + List.of(command), e);
    }
  }

  /** Like {@link #run} but reports failure as false instead of throwing (for cleanup). */
  static boolean tryRun(String... command) {
    try {
      run(command);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Sends {@code signal} (e.g. {@code STOP}, {@code CONT}, {@code KILL}) to process {@code pid}.
   */
  static void signal(long pid, String signal) {
    run("kill", "-" + signal, Long.toString(pid));
  }
}
