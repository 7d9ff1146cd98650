package dev.recordingsindexer.benchmarks.query;

import dev.recordingsindexer.api.http.ApiServer;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server side of {@link HttpCeiling}: Javalin, configured with the service's own compression
 * ({@link ApiServer#compression}), answering {@code GET /page} with the same bytes every time. What
 * it serves per second is what the HTTP stack alone can do on a machine, with no query, JSON or
 * handler of ours behind it.
 *
 * <p>Runs in its own JVM on the service jar's classpath, where Javalin is (the benchmark jar leaves
 * it out): {@code java -cp recordings-indexer.jar:benchmarks.jar ...CeilingServer <port> <body
 * file> <gzip level>}. Prints {@code listening} once it accepts connections.
 */
public final class CeilingServer {

  private CeilingServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: CeilingServer <port> <body file> <gzip level 0-9>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    byte[] body = Files.readAllBytes(Path.of(args[1]));
    int level = Integer.parseInt(args[2]);
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.compressionStrategy = ApiServer.compression(level);
              config.routes.get("/page", ctx -> ctx.contentType("application/json").result(body));
            })
        .start("127.0.0.1", port);
    System.out.println("listening");
    Thread.currentThread().join();
  }
}
