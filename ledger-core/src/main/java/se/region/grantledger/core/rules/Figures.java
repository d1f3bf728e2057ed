package se.region.grantledger.core.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered name/number map a refusal carries. */
public final class Figures {

    private Figures() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }
}
