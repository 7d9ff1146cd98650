package dev.recordingsindexer.api.faults;

import dev.recordingsindexer.api.broker.FreePorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault 6, a partition between an instance and the broker: of two instances answering for each
 * other, one runs in a network namespace of its own; while it holds an open transaction, nftables
 * rules in its namespace drop every packet to and from the broker's port, past the session timeout,
 * as input keeps coming; then the rules go. The instances still reach each other. See {@link
 * IsolationDrill} for what must hold.
 */
class NetworkPartitionIT {

  private final Path dir = Deployment.directory(NetworkPartitionIT.class);

  @Test
  void shouldFenceAnInstanceCutOffFromTheBrokerAndConvergeExactlyWhenItIsBack() throws Exception {
    IsolationDrill.Inputs inputs = IsolationDrill.Inputs.seeded(101);
    int brokerPort = FreePorts.pick();
    int steadyPort = FreePorts.pick();
    int isolatedPort = FreePorts.pick();
    try (NetworkNamespace namespace = NetworkNamespace.create();
        BrokerProcess broker =
            BrokerProcess.advertising(
                dir.resolve("broker"),
                namespace.hostAddress(),
                brokerPort,
                FreePorts.pick(),
                namespace.hostAddress() + ":" + brokerPort)) {
      broker.start();
      String bootstrap = broker.bootstrapServers();
      Deployment deployment =
          new Deployment(dir, bootstrap, inputs.accounts(), IsolationDrill.settings());
      String steadyPeerUrl = "http://" + namespace.hostAddress() + ":" + steadyPort;
      String isolatedUrl = "http://" + namespace.namespaceAddress() + ":" + isolatedPort;
      try (ModelCheck model = new ModelCheck(bootstrap, deployment);
          BrokerView view = new BrokerView(bootstrap);
          InstanceProcess steady =
              new InstanceProcess(
                  "steady",
                  dir,
                  deployment.environment(steadyPort, dir.resolve("state-steady"), steadyPeerUrl),
                  List.of(),
                  "http://127.0.0.1:" + steadyPort);
          InstanceProcess isolated =
              new InstanceProcess(
                  "isolated",
                  dir,
                  deployment.environment(isolatedPort, dir.resolve("state-isolated"), isolatedUrl),
                  namespace.exec(),
                  isolatedUrl)) {
        IsolationDrill.run(
            inputs,
            deployment,
            model,
            view,
            steady,
            isolated,
            new IsolationDrill.Isolation() {
              @Override
              public void begin() {
                namespace.cutFrom(brokerPort);
              }

              @Override
              public void end() {
                namespace.heal();
              }
            });
      }
    }
  }
}
