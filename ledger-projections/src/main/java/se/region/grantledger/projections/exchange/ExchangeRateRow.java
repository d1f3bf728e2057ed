package se.region.grantledger.projections.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One registered rate: kronor per unit of {@code currency} on {@code date}. */
@Entity
@Table(name = "exchange_rate")
@IdClass(ExchangeRateRow.Key.class)
public class ExchangeRateRow {

    public record Key(String currency, LocalDate date) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "currency")
    private String currency;
    @Id
    @Column(name = "rate_date")
    private LocalDate date;
    @Column(name = "sek_per_unit", nullable = false)
    private BigDecimal sekPerUnit;
    @Column(name = "source", nullable = false)
    private String source;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected ExchangeRateRow() {
    }

    ExchangeRateRow(String currency, LocalDate date, BigDecimal sekPerUnit, String source, Instant registeredAt) {
        this.currency = currency;
        this.date = date;
        this.sekPerUnit = sekPerUnit;
        this.source = source;
        this.registeredAt = registeredAt;
    }

    public String getCurrency() { return currency; }
    public LocalDate getDate() { return date; }
    public BigDecimal getSekPerUnit() { return sekPerUnit; }
    public String getSource() { return source; }
    public Instant getRegisteredAt() { return registeredAt; }
}
