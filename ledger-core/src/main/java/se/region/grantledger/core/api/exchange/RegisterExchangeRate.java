package se.region.grantledger.core.api.exchange;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Register the rate of a currency in kronor on a day, as published (Riksbanken, or the European Commission's rate
 * for state aid). De minimis amounts are converted at the rate of each decision's date.
 */
public record RegisterExchangeRate(@TargetAggregateIdentifier String currency, LocalDate date, BigDecimal sekPerUnit,
                                   String source) {
}
