package dev.recordingsindexer.api.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the process writes while it is open: every Logback event (our code at TRACE, the
 * libraries at INFO, which prints Kafka's whole client configurations, each with its stack trace),
 * and all of {@code System.out} and {@code System.err}. The console appenders are detached
 * meanwhile so that the test's own output stays readable. {@link #close} restores everything.
 */
final class CapturedOutput implements AutoCloseable {

  private static final Map<String, Level> LEVELS =
      Map.of(
          Logger.ROOT_LOGGER_NAME,
          Level.INFO,
          "dev.recordingsindexer",
          Level.TRACE,
          "org.apache.kafka",
          Level.INFO,
          "kafka",
          Level.INFO,
          "io.javalin",
          Level.INFO,
          "org.eclipse.jetty",
          Level.INFO);

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
  private final Map<String, Level> previousLevels = new HashMap<>();
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  CapturedOutput() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level [%thread] %logger - %msg %mdc%n%ex{full}");
    encoder.start();
    appender.setContext(context);
    appender.setName("secrets-capture");
    appender.setEncoder(encoder);
    appender.setOutputStream(synchronizedStream());
    appender.start();
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      detached.add(it.next());
    }
    detached.forEach(root::detachAppender);
    root.addAppender(appender);
    LEVELS.forEach(
        (name, level) -> {
          Logger logger = context.getLogger(name);
          previousLevels.put(name, logger.getLevel());
          logger.setLevel(level);
        });
    System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
  }

  /** All that was written so far. */
  String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    root.detachAppender(appender);
    appender.stop();
    detached.forEach(root::addAppender);
    previousLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }

  private OutputStream synchronizedStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (buffer) {
          buffer.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (buffer) {
          buffer.write(bytes, offset, length);
        }
      }
    };
  }

  private OutputStream tee(PrintStream original) {
    OutputStream captured = synchronizedStream();
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        original.write(b);
        captured.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        original.write(bytes, offset, length);
        captured.write(bytes, offset, length);
      }
    };
  }
}
