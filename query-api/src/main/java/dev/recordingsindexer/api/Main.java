package dev.recordingsindexer.api;

import dev.recordingsindexer.api.config.ConfigException;
import dev.recordingsindexer.api.config.ServiceConfig;
import dev.recordingsindexer.api.config.Setting;
import dev.recordingsindexer.api.config.UsageException;
import dev.recordingsindexer.api.tools.BrokerCommand;
import dev.recordingsindexer.api.tools.DemoWriter;
import dev.recordingsindexer.api.tools.ReplayCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable entry point: with no command, the service (configured by the environment and the
 * flags mirroring it; {@code --demo} also writes demo events); {@code replay} writes a JSON-lines
 * file to the events topic; {@code broker} runs only the embedded Kafka broker; {@code --help}
 * prints the usage.
 *
 * <p>The service stops on SIGTERM or Ctrl-C through a shutdown hook, and exits with status 1 when
 * its streams client fails for good, so that a supervisor restarts it.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    List<String> arguments = Arrays.asList(args);
    if (!arguments.isEmpty() && arguments.get(0).equals("replay")) {
      System.exit(
          ReplayCommand.run(
              arguments.subList(1, arguments.size()), System.getenv(), System.out, System.err));
    }
    if (!arguments.isEmpty() && arguments.get(0).equals("broker")) {
      System.exit(broker(arguments.subList(1, arguments.size())));
    }
    if (arguments.contains("--help") || arguments.contains("-h")) {
      System.out.print(usage());
      return;
    }
    ServiceConfig config;
    try {
      config = ServiceConfig.parse(System.getenv(), arguments);
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(usage());
      System.exit(2);
      return;
    } catch (ConfigException e) {
      System.err.println("configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    serve(config);
  }

  private static void serve(ServiceConfig config) {
    Service service =
        Service.start(
            config, () -> new Thread(() -> System.exit(1), "exit-on-streams-error").start());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Shutting down");
                  service.close();
                },
                "shutdown"));
    printBanner(service, System.out);
    if (config.demo()) {
      int written =
          DemoWriter.write(
              service.bootstrapServers(),
              config.recordingsTopic(),
              service.credentials().accountSid());
      System.out.println(
          "Wrote " + written + " demo events for " + service.credentials().accountSid());
    }
  }

  /** Runs {@link BrokerCommand} until SIGTERM; the hook waits until the broker has stopped. */
  private static int broker(List<String> arguments) {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "broker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = BrokerCommand.run(arguments, System.out, System.err, stop);
    stopped.countDown();
    return code;
  }

  private static void printBanner(Service service, PrintStream out) {
    Service.Credentials credentials = service.credentials();
    out.println("recordings-indexer listening on " + service.localUrl());
    out.println(
        "Kafka: "
            + service.bootstrapServers()
            + (service.config().embeddedBroker()
                ? " (embedded, data in " + service.config().kafkaDataDir() + ")"
                : ""));
    out.println(
        "Account: " + credentials.accountSid() + " (from " + credentials.accountsFile() + ")");
    out.println(
        "Try: curl -u "
            + credentials.accountSid()
            + ":"
            + credentials.authToken()
            + " "
            + service.localUrl()
            + "/v1/Recordings");
    out.flush();
  }

  static String usage() {
    StringBuilder text = new StringBuilder();
    text.append("usage: java -jar recordings-indexer.jar [--demo] [--FLAG VALUE ...]\n")
        .append("       java -jar recordings-indexer.jar ")
        .append(ReplayCommand.USAGE.replace("\n", "\n       "))
        .append("\n       java -jar recordings-indexer.jar ")
        .append(BrokerCommand.USAGE.replace("\n", "\n       "))
        .append(
            "\n\nThe service reads these environment variables; each flag overrides its"
                + " variable.\n");
    for (Setting setting : Setting.values()) {
      text.append(
          String.format(
              "  %-28s %-26s %s%n  %-28s default: %s%n",
              setting.flag(), setting.name(), setting.meaning(), "", setting.defaultText()));
    }
    return text.toString();
  }
}
