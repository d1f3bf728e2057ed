package se.region.grantledger.core.model;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as Swedish readers write them in messages: {@code 2 500 000 SEK}, {@code 1 234,50 EUR}. */
final class AmountFormat {

    private AmountFormat() {
    }

    /** Whole amounts without decimals, others with two; space between thousands, comma before the decimals. */
    static String swedish(BigDecimal amount, String currency) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        return new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols).format(amount) + " " + currency;
    }
}
