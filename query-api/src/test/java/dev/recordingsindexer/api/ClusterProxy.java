package dev.recordingsindexer.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A TCP forwarder on the loopback interface in front of one instance, through which its peers reach
 * it: while {@link #hang() hanging} it keeps accepting connections and reading requests but
 * forwards nothing either way, like a peer stuck in a long pause. Open connections hang too. Each
 * connection uses two daemon threads; {@link #close} closes every socket.
 */
final class ClusterProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
  private volatile boolean hanging;

  /** Listens on a free port and forwards to {@code targetPort} of the loopback interface. */
  ClusterProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen", e);
    }
    daemon("cluster-proxy-accept", this::accept);
  }

  /** The port peers must use. */
  int port() {
    return server.getLocalPort();
  }

  /** From now on nothing passes, on new and open connections alike. */
  void hang() {
    hanging = true;
  }

  /** Traffic flows again (bytes dropped while hanging stay lost). */
  void release() {
    hanging = false;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(target);
        daemon("cluster-proxy-up", () -> pump(client, target));
        daemon("cluster-proxy-down", () -> pump(target, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        if (!hanging) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
    } catch (IOException e) {
      // one side closed: close the other below
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    sockets.forEach(ClusterProxy::closeQuietly);
  }
}
