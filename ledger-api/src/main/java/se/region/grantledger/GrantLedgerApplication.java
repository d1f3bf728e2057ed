package se.region.grantledger;

import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The grant ledger service. Axon's JPA event store and token store are switched off: they map payloads to
 * PostgreSQL large objects. Axon's JDBC components take their place on a Flyway-owned schema (docs/adr/0001).
 */
@SpringBootApplication(exclude = {JpaAutoConfiguration.class, JpaEventStoreAutoConfiguration.class})
@ConfigurationPropertiesScan
@EnableScheduling
public class GrantLedgerApplication {

    public static void main(String[] args) {
        // A ledger of public money does not report usage to a vendor; set the property to false to allow it.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(GrantLedgerApplication.class, args);
    }
}
