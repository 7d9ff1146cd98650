package dev.recordingsindexer.benchmarks.load;

import dev.recordingsindexer.benchmarks.load.Lifecycle.Event;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of a range of recordings in delivery order, generated window by window: the events of
 * {@value #WINDOW} consecutive recordings (about 64 events), about 5% of them duplicated, shuffled
 * inside the window. So a recording's completion may precede its start, but never by more than a
 * window, and memory stays bounded whatever the size.
 */
final class EventStream implements Iterator<ProducerRecord<byte[], byte[]>> {

  static final int WINDOW = 32;
  private static final long WINDOW_SALT = 10;
  private static final long LIFECYCLE_SALT = 11;

  private final Dataset dataset;
  private final String topic;
  private final int to;
  private final List<Event> window = new ArrayList<>(WINDOW * 3);
  private int next;
  private int position;

  EventStream(Dataset dataset, String topic, int from, int to) {
    if (from < 0 || to > dataset.recordings() || from > to) {
      throw new IndexOutOfBoundsException(
          "range [" + from + ", " + to + ") of " + dataset.recordings());
    }
    this.dataset = dataset;
    this.topic = topic;
    this.next = from;
    this.to = to;
  }

  @Override
  public boolean hasNext() {
    if (position < window.size()) {
      return true;
    }
    if (next >= to) {
      return false;
    }
    fillWindow();
    return true;
  }

  @Override
  public ProducerRecord<byte[], byte[]> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Event event = window.get(position++);
    return new ProducerRecord<>(topic, event.key(), event.value());
  }

  private void fillWindow() {
    window.clear();
    position = 0;
    int block = next / WINDOW;
    int end = Math.min(to, (block + 1) * WINDOW);
    SplittableRandom random = Sids.random(dataset.seed(), WINDOW_SALT, block, next);
    for (int index = next; index < end; index++) {
      int first = window.size();
      new Lifecycle(dataset.recording(index), Sids.random(dataset.seed(), LIFECYCLE_SALT, index))
          .appendTo(window);
      for (int i = first, last = window.size(); i < last; i++) {
        if (random.nextInt(100) < 5) {
          window.add(window.get(i));
        }
      }
    }
    for (int i = window.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Event swap = window.get(i);
      window.set(i, window.get(j));
      window.set(j, swap);
    }
    next = end;
  }
}
