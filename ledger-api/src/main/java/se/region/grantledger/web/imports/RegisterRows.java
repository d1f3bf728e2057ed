package se.region.grantledger.web.imports;

import se.region.grantledger.core.api.exchange.RegisterExchangeRate;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.api.limits.RegisterUndertaking;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.UndertakingIds;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.web.imports.ImportSheets.ImportRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows the cases draw on: the year's frames, the euro rates business support is converted at on its decision
 * day, and the single undertakings de minimis aid is counted for. They come before every case.
 */
final class RegisterRows {

    private final ImportCells cells;

    RegisterRows(ImportCells cells) {
        this.cells = cells;
    }

    ImportStep frame(ImportRow row) {
        return new ImportStep(RowKeys.frame(row), row,
                "the " + row.get("fund") + " frame for " + row.get("year") + ": SEK " + row.get("frame"), commands -> {
            Fund fund = cells.value(row, "fund", Fund.class);
            int year = cells.value(row, "year", Integer.class);
            Money frame = cells.value(row, "frame", Money.class);
            commands.asConfirmer(new AllocateAppropriation(new AppropriationKey(fund, year).id(), fund, year, frame,
                    row.get("reference")));
            return null;
        });
    }

    ImportStep exchangeRate(ImportRow row) {
        String currency = row.get("currency") == null ? null : row.get("currency").toUpperCase(Locale.ROOT);
        return new ImportStep(RowKeys.exchangeRate(currency, row.get("date")), row,
                currency + " at SEK " + row.get("sek_per_unit") + " on " + row.get("date"), commands -> {
            LocalDate date = cells.value(row, "date", LocalDate.class);
            BigDecimal sekPerUnit = cells.value(row, "sek_per_unit", BigDecimal.class);
            String source = ImportCells.required(row, "source");
            commands.asUploader(new RegisterExchangeRate(ImportCells.required(row, "currency").toUpperCase(Locale.ROOT),
                    date, sekPerUnit, source));
            return null;
        });
    }

    /** A single undertaking under the id the workbook gives it, with the companies the applicant declared. */
    ImportStep undertaking(ImportRow row) {
        String undertakingId = row.get("undertaking_id");
        return new ImportStep(RowKeys.undertaking(undertakingId), row, "single undertaking " + undertakingId + " ("
                + row.get("name") + ") of " + row.get("organisation_numbers"), commands -> {
            UndertakingIds.check(ImportCells.required(row, "undertaking_id"));
            String name = ImportCells.required(row, "name");
            List<OrganisationNumber> companies = new ArrayList<>();
            for (String number : ImportCells.list(ImportCells.required(row, "organisation_numbers"))) {
                try {
                    companies.add(OrganisationNumber.of(number));
                } catch (InvalidValue invalid) {
                    throw new InvalidValue(invalid.code(), row.where() + ": organisation_numbers: "
                            + invalid.getMessage());
                }
            }
            commands.asUploader(new RegisterUndertaking(undertakingId, name, companies));
            return undertakingId;
        });
    }
}
