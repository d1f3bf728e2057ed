package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.OrganisationNumber;

import java.time.LocalDate;

@Revision("1")
public record OtherDeMinimisAidDeclared(String undertakingId, String declarationId, OrganisationNumber company,
                                        String grantor, LocalDate grantedOn, Euro amount) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return grantedOn;
    }
}
