package se.region.grantledger.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/** The configurable limits of DOMAIN.md, under {@code ledger.rules}; defaults are the rules in force. */
@ConfigurationProperties("ledger.rules")
public record FundingLimitsProperties(@DefaultValue("50") int maxRegionalSharePercent,
                                      @DefaultValue("50") int maxAdvanceSharePercent,
                                      @DefaultValue("400000") BigDecimal maxAdvanceSek,
                                      @DefaultValue("50") int maxCommercialServiceSharePercent) {
}
