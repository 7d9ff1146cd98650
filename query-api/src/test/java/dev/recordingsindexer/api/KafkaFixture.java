package dev.recordingsindexer.api;

import dev.recordingsindexer.api.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one Kafka cluster of a test JVM: a Testcontainers Kafka when Docker is available, else the
 * {@link EmbeddedKafkaBroker} in a temporary directory. Started on first use, stopped when the JVM
 * exits; tests isolate themselves with their own topics and application ids.
 */
public final class KafkaFixture {

  private static final String IMAGE = "apache/kafka:4.1.0";
  private static String bootstrapServers;

  private KafkaFixture() {}

  /** The shared cluster's {@code bootstrap.servers}, starting it on first call. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers =
          DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
    }
    return bootstrapServers;
  }

  private static String container() {
    KafkaContainer kafka = new KafkaContainer(IMAGE);
    kafka.start();
    Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "kafka-fixture-stop"));
    return kafka.getBootstrapServers();
  }

  private static String embedded() {
    try {
      EmbeddedKafkaBroker broker =
          EmbeddedKafkaBroker.start(Files.createTempDirectory("kafka-fixture"));
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-fixture-stop"));
      return broker.bootstrapServers();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's directory", e);
    }
  }
}
