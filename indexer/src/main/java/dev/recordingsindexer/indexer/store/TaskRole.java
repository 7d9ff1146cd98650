package dev.recordingsindexer.indexer.store;

import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.Task;

/**
 * Whether a store belongs to an active task (which restores, then processes) or a standby (which
 * restores for as long as it lives). Kafka Streams' public {@link StateStoreContext} does not say;
 * its own context does ({@code taskType()}, internal, as the changelog sink already relies on). A
 * context from outside Kafka Streams answers by implementing this interface.
 */
interface TaskRole {

  /** Whether the task is active now. */
  boolean active();

  /** Whether {@code context}'s task is active now; false when the context cannot tell. */
  static boolean isActive(StateStoreContext context) {
    if (context instanceof InternalProcessorContext<?, ?> internal) {
      return internal.taskType() == Task.TaskType.ACTIVE;
    }
    return context instanceof TaskRole role && role.active();
  }
}
