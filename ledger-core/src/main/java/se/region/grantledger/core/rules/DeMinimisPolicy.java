package se.region.grantledger.core.rules;

import se.region.grantledger.core.model.DeMinimisWindow;
import se.region.grantledger.core.model.DeMinimisWindow.Aid;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static se.region.grantledger.core.model.DeMinimisWindow.CAP;
import static se.region.grantledger.core.model.DeMinimisWindow.start;
import static se.region.grantledger.core.model.DeMinimisWindow.total;

/** The de minimis rules (Commission Regulation (EU) 2023/2831), checked when business support is decided. */
public final class DeMinimisPolicy {

    private DeMinimisPolicy() {
    }

    /** De minimis aid is converted at the EUR rate registered for the decision's date; there must be one. */
    public static BigDecimal exchangeRateOnDecisionDate(Optional<BigDecimal> sekPerEuro, LocalDate decisionDate,
                                                        Money amount) {
        return sekPerEuro.orElseThrow(() -> new RuleViolation(Rule.EXCHANGE_RATE_ON_DECISION_DATE,
                "no EUR rate is registered for " + decisionDate
                        + "; register the day's rate before deciding de minimis aid on it",
                Figures.of("currency", "EUR", "decisionDate", decisionDate.toString(), "amount", amount)));
    }

    /**
     * New aid must fit every window that holds it: the one ending on its own date, and, when decisions are
     * registered out of date order, each window ending on a later aid's date within three years.
     */
    public static void deMinimisWithinCap(String undertakingId, List<Aid> granted, Aid candidate) {
        List<Aid> withCandidate = new ArrayList<>(granted);
        withCandidate.add(candidate);
        TreeSet<LocalDate> windowEnds = new TreeSet<>();
        windowEnds.add(candidate.grantedOn());
        granted.stream().map(Aid::grantedOn)
                .filter(date -> date.isAfter(candidate.grantedOn()) && !start(date).isAfter(candidate.grantedOn()))
                .forEach(windowEnds::add);
        for (LocalDate end : windowEnds) {
            Euro before = total(granted, end);
            if (total(withCandidate, end).isGreaterThan(CAP)) {
                throw new RuleViolation(Rule.DE_MINIMIS_WITHIN_CAP, "aid of " + candidate.amount() + " would take"
                        + " single undertaking " + undertakingId + " to " + before.plus(candidate.amount())
                        + " of de minimis aid in the three years " + start(end) + " to " + end + ", above the cap of "
                        + CAP + "; " + CAP.minusOrZero(before) + " is left",
                        Figures.of("undertakingId", undertakingId, "windowStart", start(end).toString(),
                                "windowEnd", end.toString(), "alreadyGrantedEur", before,
                                "requestedEur", candidate.amount(), "capEur", CAP,
                                "headroomEur", CAP.minusOrZero(before)));
            }
        }
    }
}
