package se.region.grantledger.bench.simulations;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** One user, one write at a time, each answered with the case as it now stands: the latency a clerk feels. */
public class SingleClient extends Simulation {

    {
        setUp(scenario("single client").exec(Load.DECIDED_PROJECT)
                .during(Duration.ofSeconds(Load.SECONDS)).on(Load.REQUISITION_PAID)
                .injectOpen(atOnceUsers(1))).protocols(Load.PROTOCOL);
    }

    @Override
    public void before() {
        Load.roomyFrame();
    }
}
