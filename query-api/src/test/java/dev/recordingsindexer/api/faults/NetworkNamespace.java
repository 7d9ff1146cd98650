package dev.recordingsindexer.api.faults;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A network namespace joined to this host by a veth pair on a /30 of its own (needs root): a
 * process started with {@link #exec} has its own network stack, reaches the host at {@link
 * #hostAddress} and is reached at {@link #namespaceAddress}. {@link #cutFrom} drops, with nftables
 * inside the namespace, every packet between the namespace and one TCP port of the host; {@link
 * #heal} removes the rules. {@link #close} deletes the namespace and the link.
 */
final class NetworkNamespace implements AutoCloseable {

  private static final String TABLE = "fault_partition";

  private final String name;
  private final String hostLink;
  private final String hostAddress;
  private final String namespaceAddress;
  private boolean closed; // guarded by this

  private NetworkNamespace(String tag, int subnet) {
    this.name = "rif5-" + tag;
    this.hostLink = "rif5h-" + tag;
    this.hostAddress = "10.231." + subnet + ".1";
    this.namespaceAddress = "10.231." + subnet + ".2";
  }

  /** Creates a namespace with a fresh name and subnet, linked and up. */
  static NetworkNamespace create() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String tag = Integer.toHexString(random.nextInt(0x1000, 0x10000));
    NetworkNamespace namespace = new NetworkNamespace(tag, random.nextInt(1, 255));
    String inside = "rif5n-" + tag;
    Os.run("ip", "netns", "add", namespace.name);
    try {
      Os.run("ip", "link", "add", namespace.hostLink, "type", "veth", "peer", "name", inside);
      Os.run("ip", "link", "set", inside, "netns", namespace.name);
      Os.run("ip", "addr", "add", namespace.hostAddress + "/30", "dev", namespace.hostLink);
      Os.run("ip", "link", "set", namespace.hostLink, "up");
      namespace.inside("ip", "addr", "add", namespace.namespaceAddress + "/30", "dev", inside);
      namespace.inside("ip", "link", "set", inside, "up");
      namespace.inside("ip", "link", "set", "lo", "up");
    } catch (RuntimeException e) {
      namespace.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(namespace::close, "namespace-delete"));
    return namespace;
  }

  /** The host's address on the link (listen here to be reachable from the namespace). */
  String hostAddress() {
    return hostAddress;
  }

  /** The namespace's address on the link. */
  String namespaceAddress() {
    return namespaceAddress;
  }

  /** The command prefix that runs a program inside the namespace. */
  List<String> exec() {
    return List.of("ip", "netns", "exec", name);
  }

  /** Drops every packet between the namespace and TCP port {@code port} of the host. */
  void cutFrom(int port) {
    inside("nft", "add", "table", "inet", TABLE);
    inside("nft", "add chain inet " + TABLE + " out { type filter hook output priority 0 ; }");
    inside(
        "nft",
        "add rule inet " + TABLE + " out ip daddr " + hostAddress + " tcp dport " + port + " drop");
    inside("nft", "add chain inet " + TABLE + " in { type filter hook input priority 0 ; }");
    inside(
        "nft",
        "add rule inet " + TABLE + " in ip saddr " + hostAddress + " tcp sport " + port + " drop");
  }

  /** Removes the rules of {@link #cutFrom}. */
  void heal() {
    inside("nft", "delete", "table", "inet", TABLE);
  }

  private void inside(String... command) {
    String[] full = new String[command.length + 4];
    full[0] = "ip";
    full[1] = "netns";
    full[2] = "exec";
    full[3] = name;
    System.arraycopy(command, 0, full, 4, command.length);
    Os.run(full);
  }

  /** Deletes the link and the namespace; idempotent (also run at JVM exit). */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      Os.tryRun("ip", "link", "del", hostLink);
      Os.tryRun("ip", "netns", "del", name);
    }
  }
}
