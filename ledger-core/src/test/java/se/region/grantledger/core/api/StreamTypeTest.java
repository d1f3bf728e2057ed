package se.region.grantledger.core.api;

import org.junit.jupiter.api.Test;
import se.region.grantledger.core.appropriation.Appropriation;
import se.region.grantledger.core.exchange.ExchangeRates;
import se.region.grantledger.core.project.Project;
import se.region.grantledger.core.support.BusinessSupport;
import se.region.grantledger.core.support.CommercialServiceGrant;
import se.region.grantledger.core.undertaking.Undertaking;

import static org.assertj.core.api.Assertions.assertThat;

/** A renamed aggregate class would store new streams under a new type; these names are the stored ones. */
class StreamTypeTest {

    @Test
    void eachStreamTypeIsItsAggregatesSimpleName() {
        assertThat(StreamType.PROJECT).isEqualTo(Project.class.getSimpleName());
        assertThat(StreamType.BUSINESS_SUPPORT).isEqualTo(BusinessSupport.class.getSimpleName());
        assertThat(StreamType.COMMERCIAL_SERVICE_GRANT).isEqualTo(CommercialServiceGrant.class.getSimpleName());
        assertThat(StreamType.APPROPRIATION).isEqualTo(Appropriation.class.getSimpleName());
        assertThat(StreamType.UNDERTAKING).isEqualTo(Undertaking.class.getSimpleName());
        assertThat(StreamType.EXCHANGE_RATES).isEqualTo(ExchangeRates.class.getSimpleName());
    }
}
