package dev.recordingsindexer.indexer.topology;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * A topic the topology reads or writes, with the serdes of its records. For the repartition topic
 * the name is the DSL's name: Kafka Streams prefixes the application id and appends {@code
 * -repartition}.
 */
record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
  }

  /** Reading this topic, through a source node called {@code processorName}. */
  Consumed<K, V> consumed(String processorName) {
    return Consumed.with(keySerde, valueSerde).withName(processorName);
  }

  /** Writing this topic, through a sink node called {@code processorName}. */
  Produced<K, V> produced(String processorName) {
    return Produced.with(keySerde, valueSerde).withName(processorName);
  }

  /** Repartitioning through this (internal, auto-created) topic. */
  Repartitioned<K, V> repartitioned() {
    return Repartitioned.with(keySerde, valueSerde).withName(name);
  }
}
