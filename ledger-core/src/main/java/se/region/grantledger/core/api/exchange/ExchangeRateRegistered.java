package se.region.grantledger.core.api.exchange;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record ExchangeRateRegistered(String currency, LocalDate date, BigDecimal sekPerUnit, String source) {
}
