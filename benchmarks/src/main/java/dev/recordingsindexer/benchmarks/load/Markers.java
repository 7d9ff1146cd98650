package dev.recordingsindexer.benchmarks.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Small properties files in the work directory that say what a previous run left behind (the filled
 * topic, the indexed state), so later subcommands reuse it instead of redoing it.
 */
final class Markers {

  static final String DATASET = "dataset.properties";
  static final String INDEXED = "indexed.properties";

  private Markers() {}

  static Optional<Properties> read(Path workDir, String name) {
    Path file = workDir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return Optional.of(properties);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static void write(Path workDir, String name, Map<String, String> values) {
    Properties properties = new Properties();
    properties.putAll(values);
    try (Writer writer = Files.newBufferedWriter(workDir.resolve(name), StandardCharsets.UTF_8)) {
      properties.store(writer, "written by Bench; delete to force a redo");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + workDir.resolve(name), e);
    }
  }

  static void delete(Path workDir, String name) {
    try {
      Files.deleteIfExists(workDir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + workDir.resolve(name), e);
    }
  }

  /** True when {@code marker} has every entry of {@code expected}. */
  static boolean matches(Optional<Properties> marker, Map<String, String> expected) {
    return marker.isPresent()
        && expected.entrySet().stream()
            .allMatch(e -> e.getValue().equals(marker.get().getProperty(e.getKey())));
  }
}
