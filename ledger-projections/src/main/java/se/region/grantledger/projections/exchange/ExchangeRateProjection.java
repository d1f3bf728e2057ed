package se.region.grantledger.projections.exchange;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.api.exchange.ExchangeRateRegistered;

import java.time.Instant;

/** The registered exchange rates as a table; a day's rate is written once, so a redelivery changes nothing. */
@Component
@ProcessingGroup(ExchangeRateProjection.PROCESSING_GROUP)
public class ExchangeRateProjection {

    public static final String PROCESSING_GROUP = "reference-data";

    private final ExchangeRateRepository repository;

    public ExchangeRateProjection(ExchangeRateRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ExchangeRateRegistered event, @Timestamp Instant recordedAt) {
        if (!repository.existsById(new ExchangeRateRow.Key(event.currency(), event.date()))) {
            repository.save(new ExchangeRateRow(event.currency(), event.date(), event.sekPerUnit(), event.source(),
                    recordedAt));
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAllInBatch();
    }
}
