package dev.recordingsindexer.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a running service's embedded broker listens, recorded under {@code DATA_DIR} so that the
 * replay tool finds it without configuration. Stale after the service stops; a client then fails to
 * connect and says so.
 */
public final class EmbeddedBrokerAddress {

  static final String FILE = "kafka/bootstrap.servers";

  private EmbeddedBrokerAddress() {}

  static void write(Path dataDir, String bootstrapServers) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, bootstrapServers + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the broker address in " + file, e);
    }
  }

  /** The recorded address, if a service with an embedded broker ran with this data dir. */
  public static Optional<String> read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
          .filter(s -> !s.isEmpty());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
