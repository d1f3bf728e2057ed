package se.region.grantledger.core.project;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered name/number map a refusal carries. */
final class Figures {

    private Figures() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }
}
