package dev.recordingsindexer.api.faults;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the broker (which advertises the proxy's port, so every connection of
 * every client passes here) that reads Kafka's framing: a request is a 4-byte size, then {@code
 * api_key} (int16), {@code api_version} (int16), {@code correlation_id} (int32) and {@code
 * client_id} (int16 length, then UTF-8); a response is a 4-byte size, then {@code correlation_id}.
 * While {@link #inject injecting}, every {@code every}-th request of the chosen API keys from a
 * client whose id contains the chosen text breaks its connection, alternately before the broker
 * sees the request (the request is lost) and after the broker has handled it (the response is lost:
 * the client cannot tell whether it took effect). Two threads per connection; thread-safe.
 */
final class KafkaFaultProxy implements AutoCloseable {

  static final short PRODUCE = 0;
  static final short END_TXN = 26;

  private final ServerSocket server;
  private final int targetPort;
  private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
  private final Map<Short, AtomicInteger> seen = new ConcurrentHashMap<>();
  private volatile Plan plan;

  /** What to break: requests of {@code apiKeys} from clients whose id contains {@code client}. */
  private record Plan(Set<Short> apiKeys, String client, int every) {}

  /** Listens on {@code port} of the loopback interface and forwards to {@code targetPort}. */
  KafkaFaultProxy(int port, int targetPort) {
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + port, e);
    }
    daemon("kafka-proxy-accept", this::accept);
  }

  /** Starts breaking connections on matching requests. */
  void inject(Set<Short> apiKeys, String clientIdPart, int every) {
    seen.clear();
    plan = new Plan(Set.copyOf(apiKeys), clientIdPart, every);
  }

  /** Stops breaking connections. */
  void heal() {
    plan = null;
  }

  /** How many connections were broken, by API key and moment ("26 request lost", ...). */
  Map<String, Integer> injected() {
    Map<String, Integer> counts = new TreeMap<>();
    injected.forEach((what, count) -> counts.put(what, count.get()));
    return counts;
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(broker);
        Set<Integer> poisoned = ConcurrentHashMap.newKeySet();
        daemon("kafka-proxy-requests", () -> requests(client, broker, poisoned));
        daemon("kafka-proxy-responses", () -> responses(broker, client, poisoned));
      } catch (IOException e) {
        closeQuietly(client); // the broker is not listening (yet): the client retries
      }
    }
  }

  /** Client to broker, frame by frame; may drop a request or poison its response. */
  private void requests(Socket client, Socket broker, Set<Integer> poisoned) {
    try (DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(broker.getOutputStream())) {
      while (true) {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        ByteBuffer header = ByteBuffer.wrap(frame);
        short apiKey = header.getShort();
        header.getShort(); // api_version
        int correlationId = header.getInt();
        short length = header.getShort();
        String clientId =
            length < 0 ? "" : new String(frame, header.position(), length, StandardCharsets.UTF_8);
        Plan current = plan;
        if (current != null
            && current.apiKeys().contains(apiKey)
            && clientId.contains(current.client())) {
          int count = seen.computeIfAbsent(apiKey, k -> new AtomicInteger()).incrementAndGet();
          if (count % current.every() == 0) {
            if ((count / current.every()) % 2 == 1) {
              count(apiKey + " request lost");
              return; // closes both sockets unforwarded
            }
            count(apiKey + " response lost");
            poisoned.add(correlationId);
          }
        }
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: close the other below
    } finally {
      closeQuietly(client);
      closeQuietly(broker);
    }
  }

  /** Broker to client, frame by frame; a poisoned response closes the connection instead. */
  private void responses(Socket broker, Socket client, Set<Integer> poisoned) {
    try (DataInputStream in = new DataInputStream(broker.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream())) {
      while (true) {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        if (poisoned.contains(ByteBuffer.wrap(frame).getInt())) {
          return;
        }
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: close the other below
    } finally {
      closeQuietly(client);
      closeQuietly(broker);
    }
  }

  private void count(String what) {
    injected.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
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
    sockets.forEach(KafkaFaultProxy::closeQuietly);
  }
}
