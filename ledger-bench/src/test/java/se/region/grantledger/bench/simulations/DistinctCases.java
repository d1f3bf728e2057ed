package se.region.grantledger.bench.simulations;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Each user writes to a case of its own: a project decided, then requisitions paid one after another. */
public class DistinctCases extends Simulation {

    {
        setUp(scenario("distinct cases").exec(Load.DECIDED_PROJECT)
                .during(Duration.ofSeconds(Load.SECONDS)).on(Load.REQUISITION_PAID)
                .injectOpen(atOnceUsers(Load.USERS))).protocols(Load.PROTOCOL);
    }

    @Override
    public void before() {
        Load.roomyFrame();
    }
}
