package se.region.grantledger.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.region.grantledger.core.rules.InvalidValue;

/**
 * Organisationsnummer: the ten-digit number Bolagsverket or Skatteverket gives a Swedish legal person, written
 * {@code NNNNNN-NNNN}; the last digit is a Luhn check digit over the first nine.
 */
public record OrganisationNumber(String digits) {

    public OrganisationNumber {
        if (digits == null || !digits.matches("\\d{10}")) {
            throw new InvalidValue("invalid-organisation-number",
                    "an organisation number has ten digits (NNNNNN-NNNN): " + digits);
        }
        if (!luhnValid(digits)) {
            throw new InvalidValue("invalid-organisation-number",
                    "organisation number " + digits.substring(0, 6) + "-" + digits.substring(6) + " fails its check digit");
        }
    }

    @JsonCreator
    public static OrganisationNumber of(String text) {
        if (text == null) {
            throw new InvalidValue("invalid-organisation-number", "an organisation number is required");
        }
        String trimmed = text.trim();
        return new OrganisationNumber(trimmed.matches("\\d{6}-\\d{4}") ? trimmed.replace("-", "") : trimmed);
    }

    private static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }
}
