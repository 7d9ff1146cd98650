package dev.recordingsindexer.api.faults;

import dev.recordingsindexer.api.KafkaFixture;
import dev.recordingsindexer.api.broker.FreePorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault 2, a zombie: of two instances answering for each other, one is frozen with SIGSTOP while it
 * holds an open transaction, past the session timeout, as input keeps coming; then SIGCONT. See
 * {@link IsolationDrill} for what must hold.
 */
class PausedInstanceIT {

  private final Path dir = Deployment.directory(PausedInstanceIT.class);

  @Test
  void shouldFenceAFrozenInstanceAndConvergeExactlyWhenItWakesUp() throws Exception {
    IsolationDrill.Inputs inputs = IsolationDrill.Inputs.seeded(61);
    String bootstrap = KafkaFixture.bootstrapServers();
    Deployment deployment =
        new Deployment(dir, bootstrap, inputs.accounts(), IsolationDrill.settings());
    try (ModelCheck model = new ModelCheck(bootstrap, deployment);
        BrokerView broker = new BrokerView(bootstrap);
        InstanceProcess steady = instance("steady", deployment);
        InstanceProcess frozen = instance("frozen", deployment)) {
      IsolationDrill.run(
          inputs,
          deployment,
          model,
          broker,
          steady,
          frozen,
          new IsolationDrill.Isolation() {
            @Override
            public void begin() {
              frozen.pause();
            }

            @Override
            public void end() {
              frozen.resume();
            }
          });
    }
  }

  private InstanceProcess instance(String name, Deployment deployment) {
    int port = FreePorts.pick();
    String url = "http://127.0.0.1:" + port;
    return new InstanceProcess(
        name, dir, deployment.environment(port, dir.resolve("state-" + name), url), List.of(), url);
  }
}
