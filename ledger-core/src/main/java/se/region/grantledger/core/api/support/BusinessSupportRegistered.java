package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Fund;

@Revision("1")
public record BusinessSupportRegistered(String caseId, String diaryNumber, Company company,
                                        BusinessSupportType supportType, Fund fund, String purpose,
                                        String registeredBy) {
}
