package se.region.grantledger.projections.exchange;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

public interface ExchangeRateRepository extends JpaRepository<ExchangeRateRow, ExchangeRateRow.Key> {

    List<ExchangeRateRow> findByCurrencyAndDateBetweenOrderByDate(String currency, LocalDate from, LocalDate to);
}
