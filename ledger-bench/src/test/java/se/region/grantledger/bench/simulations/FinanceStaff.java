package se.region.grantledger.bench.simulations;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Finance staff at work: each pays a requisition on a project of their own, reads the project back, looks
 * through the list of projects and the case's events, and opens reports: about two reads to each write.
 */
public class FinanceStaff extends Simulation {

    {
        setUp(scenario("finance staff").exec(Load.DECIDED_PROJECT).during(Duration.ofSeconds(Load.SECONDS))
                .on(exec(Load.REQUISITION_PAID, Load.FINANCE_STAFF_READS))
                .injectOpen(atOnceUsers(Load.USERS))).protocols(Load.PROTOCOL);
    }

    @Override
    public void before() {
        Load.roomyFrame();
    }
}
