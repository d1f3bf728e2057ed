package se.region.grantledger.core.undertaking;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import se.region.grantledger.core.exchange.ExchangeRates;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.DeMinimisPolicy;
import se.region.grantledger.core.rules.Figures;
import se.region.grantledger.core.rules.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * De minimis over Axon's repositories: the EUR rates and the undertaking are loaded in the deciding case's unit
 * of work (their locks held to its end, their events stored in its transaction). Lock order is always case,
 * rates, undertaking, appropriation, so racing decisions cannot deadlock.
 */
public class EventSourcedDeMinimisRegister implements DeMinimisRegister {

    static final String EURO = "EUR";

    private final Supplier<Repository<Undertaking>> undertakings;
    private final Supplier<Repository<ExchangeRates>> rates;
    private final UndertakingMembers members;

    public EventSourcedDeMinimisRegister(Supplier<Repository<Undertaking>> undertakings,
                                         Supplier<Repository<ExchangeRates>> rates, UndertakingMembers members) {
        this.undertakings = undertakings;
        this.rates = rates;
        this.members = members;
    }

    @Override
    public Granted grant(OrganisationNumber company, String caseId, LocalDate decisionDate, Money amount) {
        BigDecimal sekPerEuro = DeMinimisPolicy.exchangeRateOnDecisionDate(euroRateOn(decisionDate), decisionDate,
                amount);
        String undertakingId = members.undertakingOf(company).orElseThrow(() -> new StateConflict(
                Conflict.COMPANY_WITHOUT_UNDERTAKING, "company " + company + " belongs to no registered single undertaking;"
                + " register it, with the linked companies the applicant declared, before deciding de minimis aid",
                Figures.of("company", company.toString())));
        Euro amountEur = Euro.ofSekAt(amount, sekPerEuro);
        undertakings.get().load(undertakingId)
                .execute(it -> it.grant(caseId, company, decisionDate, amount, sekPerEuro, amountEur));
        return new Granted(undertakingId, sekPerEuro, amountEur);
    }

    private Optional<BigDecimal> euroRateOn(LocalDate date) {
        try {
            return rates.get().load(EURO).invoke(euro -> euro.rateOn(date));
        } catch (AggregateNotFoundException noRatesYet) {
            return Optional.empty();
        }
    }
}
