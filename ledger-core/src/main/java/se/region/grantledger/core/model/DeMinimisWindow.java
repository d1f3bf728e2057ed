package se.region.grantledger.core.model;


import java.time.LocalDate;
import java.util.List;

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
}
