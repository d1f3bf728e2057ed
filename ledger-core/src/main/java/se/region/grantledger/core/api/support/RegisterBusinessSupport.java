package se.region.grantledger.core.api.support;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Fund;

/** Register a company's application for business support; a case officer prepares it for decision. */
public record RegisterBusinessSupport(@TargetAggregateIdentifier String caseId, String diaryNumber, Company company,
                                      BusinessSupportType supportType, Fund fund, String purpose) {
}
