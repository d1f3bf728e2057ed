package se.region.grantledger.web.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import se.region.grantledger.core.api.exchange.RegisterExchangeRate;
import se.region.grantledger.projections.exchange.ExchangeRateRepository;
import se.region.grantledger.projections.exchange.ExchangeRateRow;
import se.region.grantledger.web.CommandSender;
import se.region.grantledger.web.NotFound;
import se.region.grantledger.web.ProjectionWait;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Exchange rates registered in the ledger, for converting de minimis aid at each decision's date. */
@RestController
@RequestMapping("/api/exchange-rates")
@Tag(name = "Exchange rates")
class ExchangeRateController {

    record RateRequest(@NotBlank String currency, @NotNull LocalDate date, @NotNull BigDecimal sekPerUnit,
                       @NotBlank String source) {
    }

    record RateView(String currency, LocalDate date, BigDecimal sekPerUnit, String source, Instant registeredAt) {
        static RateView of(ExchangeRateRow row) {
            return new RateView(row.getCurrency(), row.getDate(), row.getSekPerUnit(), row.getSource(),
                    row.getRegisteredAt());
        }
    }

    private final CommandSender commands;
    private final ProjectionWait projection;
    private final ExchangeRateRepository rates;

    ExchangeRateController(CommandSender commands, ProjectionWait projection, ExchangeRateRepository rates) {
        this.commands = commands;
        this.projection = projection;
        this.rates = rates;
    }

    @PostMapping
    @Operation(summary = "Register a currency's rate in kronor on a day; a day's rate is registered once")
    ResponseEntity<RateView> register(@Valid @RequestBody RateRequest body) {
        String currency = body.currency().trim().toUpperCase();
        commands.send(new RegisterExchangeRate(currency, body.date(), body.sekPerUnit(), body.source()));
        URI location = UriComponentsBuilder.fromPath("/api/exchange-rates/{currency}/{date}")
                .buildAndExpand(currency, body.date()).encode().toUri();
        return projection.until(() -> rates.findById(new ExchangeRateRow.Key(currency, body.date())))
                .map(row -> ResponseEntity.created(location).body(RateView.of(row)))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    @GetMapping("/{currency}/{date}")
    @Operation(summary = "The rate registered for a day")
    RateView get(@PathVariable String currency, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return rates.findById(new ExchangeRateRow.Key(currency.toUpperCase(), date)).map(RateView::of)
                .orElseThrow(() -> new NotFound(currency.toUpperCase() + " rate registered for " + date));
    }

    @GetMapping
    @Operation(summary = "A currency's registered rates between two days, both included")
    List<RateView> list(@RequestParam(defaultValue = "EUR") String currency,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return rates.findByCurrencyAndDateBetweenOrderByDate(currency.toUpperCase(), from, to).stream()
                .map(RateView::of).toList();
    }
}
