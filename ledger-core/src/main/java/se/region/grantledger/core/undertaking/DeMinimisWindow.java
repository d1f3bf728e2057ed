package se.region.grantledger.core.undertaking;

import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.rules.Figures;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.core.rules.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The de minimis cap (Commission Regulation (EU) 2023/2831, art. 3): at most EUR 300 000 to one single
 * undertaking over any period of three years. Aid counts on the day it is granted (decided). A window ends on a
 * day and reaches back three years: the window ending 2026-11-22 holds aid granted 2023-11-23 up to and
 * including 2026-11-22.
 */
public final class DeMinimisWindow {

    public static final Euro CAP = Euro.ofEuros(300_000);
    public static final int YEARS = 3;

    private DeMinimisWindow() {
    }

    /** One piece of aid that counts: the region's own decisions and other grantors' declared aid alike. */
    public record Aid(String source, LocalDate grantedOn, Euro amount) {
    }

    public static LocalDate start(LocalDate end) {
        return end.minusYears(YEARS).plusDays(1);
    }

    public static Euro total(List<Aid> aid, LocalDate end) {
        LocalDate start = start(end);
        return Euro.sum(aid.stream()
                .filter(a -> !a.grantedOn().isBefore(start) && !a.grantedOn().isAfter(end))
                .map(Aid::amount).toList());
    }

    public static Euro headroom(List<Aid> aid, LocalDate end) {
        return CAP.minusOrZero(total(aid, end));
    }

    /**
     * New aid must fit every window that holds it: the one ending on its own date, and, when decisions are
     * registered out of date order, each window ending on a later aid's date within three years.
     */
    public static void check(String undertakingId, List<Aid> granted, Aid candidate) {
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
