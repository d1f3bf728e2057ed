package se.region.grantledger.web.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report rows' labels as a Swedish finance office reads them, for the CSV and Excel it opens as they are. The
 * rows carry stable English labels (what the RFC 4180 CSV for machines shows); this turns a label into Swedish:
 * whole labels first, then the codes and words inside a label that is built from them ("REGIONAL_1_1 PROJECT",
 * "disbursed 2025"). Free text, such as a goal area's name, passes through unchanged.
 */
final class SwedishLabels {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        LABELS.put("section", "avsnitt");
        LABELS.put("item", "post");
        LABELS.put("kronor", "kronor");
        LABELS.put("msek", "mnkr");
        LABELS.put("percent", "procent");
        LABELS.put("count", "antal");
        LABELS.put("ratio", "kvot");
        LABELS.put("total budget", "total budget");
        LABELS.put("others", "övriga finansiärer");
        LABELS.put("others per 1:1 krona", "övriga per 1:1-krona");
        LABELS.put("Tillväxtverket EU (ERUF)", "Tillväxtverket, EU (ERUF)");
        LABELS.put("Tillväxtverket national", "Tillväxtverket, nationella medel");
        LABELS.put("municipalities, regions, private and other public",
                "kommuner, regioner, privata och andra offentliga");
        LABELS.put("cash", "kontant");
        LABELS.put("in kind", "in natura");
        LABELS.put("by category and form", "per kategori och form");
        LABELS.put("from 1:1, net of repayments", "från anslag 1:1, netto efter återbetalningar");
        LABELS.put("total, net of repayments", "alla fonder, netto efter återbetalningar");
        LABELS.put("paid", "utbetalt");
        LABELS.put("repaid", "återbetalt");
        LABELS.put("net", "netto");
        LABELS.put("recipients", "mottagare");
        LABELS.put("all", "samtliga");
        LABELS.put("by fund and support type", "per fond och stödform");
        LABELS.put("smaller municipalities", "länets mindre kommuner");
        LABELS.put("share of the number", "andel av antalet");
        LABELS.put("share of the amount", "andel av beloppet");
        LABELS.put("led by women", "ledda av kvinnor");
        LABELS.put("led by persons born abroad", "ledda av utrikes födda");
        LABELS.put("all goal areas", "alla insatsområden");
        LABELS.put("goal area", "insatsområde");
        LABELS.put("reserved", "reserverat");
        LABELS.put("released", "frigjort");
        LABELS.put("returned to the state", "återbetalt till staten");
        LABELS.put("outstanding", "beslutat, ej utbetalt");

        WORDS.put("REGIONAL_1_1", "anslag 1:1");
        WORDS.put("REGIONAL_DEVELOPMENT", "regional utveckling");
        WORDS.put("TILLVAXTVERKET", "Tillväxtverket");
        WORDS.put("BUSINESS_SUPPORT", "företagsstöd");
        WORDS.put("COMMERCIAL_SERVICE", "kommersiell service");
        WORDS.put("PROJECT", "projektmedel");
        WORDS.put("INVESTMENT_GRANT", "investeringsbidrag");
        WORDS.put("CONSULTANCY_CHECK", "konsultcheck");
        WORDS.put("INNOVATION_SUPPORT", "innovationsstöd");
        WORDS.put("DIGITALISATION_CHECK", "digitaliseringscheck");
        WORDS.put("INTERNATIONALISATION_CHECK", "internationaliseringscheck");
        WORDS.put("CASH", "kontant");
        WORDS.put("IN_KIND", "in natura");
        WORDS.put("ERUF", "ERUF");
        WORDS.put("TILLVAXTVERKET_NATIONAL", "Tillväxtverket, nationellt");
        WORDS.put("VINNOVA", "Vinnova");
        WORDS.put("MUNICIPALITY", "kommun");
        WORDS.put("OTHER_REGION", "annan region");
        WORDS.put("REGIONAL_OWN", "regionens egna medel");
        WORDS.put("PRIVATE", "privat");
        WORDS.put("OTHER_PUBLIC", "annan offentlig");
        WORDS.put("leverage", "medfinansiering");
        WORDS.put("disbursed", "utbetalt");
        WORDS.put("business support decided", "företagsstöd beviljade");
        WORDS.put("from 1:1", "från anslag 1:1");
        WORDS.put("Tillväxtverket's checks paid", "Tillväxtverkets checkar utbetalda");
        WORDS.put("new 1:1 project money", "nya projektmedel 1:1");
        WORDS.put("decided", "beslutat");
        WORDS.put("as of", "per");
    }

    private static final Pattern WORD = Pattern.compile(String.join("|", WORDS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()));

    private SwedishLabels() {
    }

    static String of(String label) {
        if (label == null) {
            return null;
        }
        String whole = LABELS.get(label);
        if (whole != null) {
            return whole;
        }
        Matcher matcher = WORD.matcher(label);
        StringBuilder swedish = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(swedish, Matcher.quoteReplacement(WORDS.get(matcher.group())));
        }
        matcher.appendTail(swedish);
        return swedish.toString();
    }
}
