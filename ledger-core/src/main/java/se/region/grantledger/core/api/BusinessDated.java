package se.region.grantledger.core.api;

import java.time.LocalDate;

/**
 * A fact with a business date: when it was decided, paid, received or closed, as the case officer entered it, as
 * opposed to when the ledger recorded it (DOMAIN.md, "Two kinds of time"). A read at {@code validAt} counts only
 * the facts dated up to that day; events without a business date (a registration, a proposal to decide) carry no
 * money and count whenever they were recorded.
 */
public interface BusinessDated {

    LocalDate businessDate();
}
