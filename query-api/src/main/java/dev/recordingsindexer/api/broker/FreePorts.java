package dev.recordingsindexer.api.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds a TCP port nobody listens on now. Another process may take it before it is bound again;
 * callers that cannot retry should configure fixed ports instead.
 */
public final class FreePorts {

  private FreePorts() {}

  /** A currently free port on the loopback interface. */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
