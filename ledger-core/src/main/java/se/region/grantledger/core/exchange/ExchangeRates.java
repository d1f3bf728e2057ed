package se.region.grantledger.core.exchange;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.exchange.ExchangeRateRegistered;
import se.region.grantledger.core.api.exchange.RegisterExchangeRate;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Every registered rate of one currency against the krona, one stream per currency (id: the ISO code). A day
 * has one rate; a rate is never changed in place. One stream keeps a decision's lookup consistent: it can load
 * this aggregate in its own unit of work (docs/adr/0008).
 */
@Aggregate(snapshotTriggerDefinition = "limitSnapshots", cache = "aggregateCache",
        snapshotFilter = "exchangeRatesSnapshotFilter")
@Revision("1") // of the snapshot's shape: raise it when the fields change, and older snapshots are ignored
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ExchangeRates {

    /** Published rates carry at most six decimals; more would be an error of entry, not precision. */
    static final int MAX_DECIMALS = 6;
    /** No currency is worth a million kronor; the rate column holds six digits before the point. */
    static final BigDecimal MAX_RATE = new BigDecimal("1000000");

    @AggregateIdentifier
    private String currency;
    private final Map<LocalDate, BigDecimal> rates = new HashMap<>();

    protected ExchangeRates() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterExchangeRate command) {
        String code = Require.text(command.currency(), "currency");
        if (!code.matches("[A-Z]{3}") || code.equals("SEK")) {
            throw new InvalidValue("invalid-currency", "a currency is an ISO 4217 code other than SEK: " + code);
        }
        Require.businessDate(command.date(), "date");
        Require.text(command.source(), "source");
        BigDecimal rate = Require.present(command.sekPerUnit(), "sekPerUnit");
        if (rate.signum() <= 0 || rate.compareTo(MAX_RATE) >= 0 || rate.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidValue("invalid-exchange-rate", "a rate is above zero and below "
                    + MAX_RATE.toPlainString() + " SEK, with at most " + MAX_DECIMALS + " decimals: "
                    + rate.toPlainString());
        }
        BigDecimal known = rates.get(command.date());
        if (known != null) {
            throw new StateConflict(Conflict.EXCHANGE_RATE_ALREADY_REGISTERED, "the " + code + " rate of " + command.date()
                    + " is already registered as " + known.toPlainString() + " SEK",
                    Map.of("date", command.date().toString(), "registeredRate", known));
        }
        apply(new ExchangeRateRegistered(code, command.date(), rate, command.source()));
    }

    /** The rate on exactly this day, if one was registered. */
    public Optional<BigDecimal> rateOn(LocalDate date) {
        return Optional.ofNullable(rates.get(date));
    }

    @EventSourcingHandler
    void on(ExchangeRateRegistered event) {
        currency = event.currency();
        rates.put(event.date(), event.sekPerUnit());
    }
}
