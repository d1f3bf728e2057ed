package se.region.grantledger.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import se.region.grantledger.core.rules.InvalidValue;

import java.util.Arrays;

/** The ten municipalities (kommuner) of Västmanland county, identified by their SCB codes. */
public enum Municipality {
    SKINNSKATTEBERG("1904", "Skinnskatteberg"),
    SURAHAMMAR("1907", "Surahammar"),
    KUNGSOR("1960", "Kungsör"),
    HALLSTAHAMMAR("1961", "Hallstahammar"),
    NORBERG("1962", "Norberg"),
    VASTERAS("1980", "Västerås"),
    SALA("1981", "Sala"),
    FAGERSTA("1982", "Fagersta"),
    KOPING("1983", "Köping"),
    ARBOGA("1984", "Arboga");

    private final String scbCode;
    private final String displayName;

    Municipality(String scbCode, String displayName) {
        this.scbCode = scbCode;
        this.displayName = displayName;
    }

    @JsonCreator
    public static Municipality ofScbCode(String code) {
        return Arrays.stream(values())
                .filter(m -> m.scbCode.equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidValue("unknown-municipality",
                        "not an SCB code of a municipality in Västmanland county: " + code));
    }

    @JsonValue
    public String scbCode() {
        return scbCode;
    }

    public String displayName() {
        return displayName;
    }

    /** Every municipality but Västerås counts as one of "the smaller municipalities" in the region's reports. */
    public boolean isSmaller() {
        return this != VASTERAS;
    }
}
