package se.region.grantledger.core.undertaking;

import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.OrganisationNumber;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * De minimis aid as a deciding business-support case sees it: convert the decision to euro at its date's rate,
 * check the cap for the company's single undertaking, and record the aid, all in the case's unit of work.
 */
public interface DeMinimisRegister {

    /** What a decision counts as under the cap. */
    record Granted(String undertakingId, BigDecimal sekPerEuro, Euro amount) {
    }

    Granted grant(OrganisationNumber company, String caseId, LocalDate decisionDate, Money amount);
}
