package se.region.grantledger.bench.simulations;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Every user's writes draw on the same year's 1:1 frame: commercial service grants registered and decided, each
 * decision a reservation on the one frame stream, so the writes contend for it.
 */
public class OneFrame extends Simulation {

    {
        setUp(scenario("one frame").during(Duration.ofSeconds(Load.SECONDS)).on(Load.DECIDED_ON_THE_FRAME)
                .injectOpen(atOnceUsers(Load.USERS))).protocols(Load.PROTOCOL);
    }

    @Override
    public void before() {
        Load.roomyFrame();
    }
}
