package se.region.grantledger.bench.simulations;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Every chain of the other simulations once, by one user, in one Gatling run: what {@code bench/run.sh --smoke}
 * (and so CI) runs to show that the scenarios still work against today's API, not how fast.
 */
public class Smoke extends Simulation {

    {
        setUp(scenario("smoke").exec(exec(Load.DECIDED_PROJECT, Load.REQUISITION_PAID, Load.FINANCE_STAFF_READS,
                Load.DECIDED_ON_THE_FRAME, Load.EVERY_REPORT)).injectOpen(atOnceUsers(1))).protocols(Load.PROTOCOL);
    }

    @Override
    public void before() {
        Load.roomyFrame();
    }
}
