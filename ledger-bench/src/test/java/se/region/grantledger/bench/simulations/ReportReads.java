package se.region.grantledger.bench.simulations;

import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** Reporting jobs: every report of the bench year, over and over, as the REPORTER role. */
public class ReportReads extends Simulation {

    {
        setUp(scenario("report reads").during(Duration.ofSeconds(Load.SECONDS)).on(Load.EVERY_REPORT)
                .injectOpen(atOnceUsers(Load.USERS))).protocols(Load.PROTOCOL);
    }
}
