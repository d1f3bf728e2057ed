package se.region.grantledger.web.imports;

import java.util.Map;

/**
 * The refusals an import meets, in Swedish for the finance officer who filled in the workbook; the rule's code and
 * the English detail with its figures stand beside each. A code without its own sentence gets its kind's.
 */
final class SwedishRefusals {

    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("cumulative-payments-within-grant", "Summan av utbetalningarna får inte överstiga beviljat belopp (förskott medräknade)"),
            Map.entry("payment-within-payable", "En utbetalning får högst vara godkända kostnader gånger regionens andel i finansieringsplanen, minus vad som redan betalats för dem"),
            Map.entry("regional-share-within-limit", "1:1-andelen får inte överstiga den tillåtna andelen av projektets totala kostnad"),
            Map.entry("plan-includes-regional-funding", "Finansieringsplanen i ett beslut måste ha minst en rad med 1:1-medel (REGIONAL_1_1)"),
            Map.entry("minimum-municipalities", "Ett projekt ska nå minst tre av länets kommuner, utom förstudier och piloter"),
            Map.entry("one-open-requisition", "Ett projekt kan bara ha en öppen rekvisition åt gången"),
            Map.entry("requisition-within-project-period", "En rekvisition ska avse en period inom projektperioden"),
            Map.entry("in-kind-costs-need-in-kind-financing", "Kostnader i annat än pengar kräver motsvarande finansiering i annat än pengar i planen"),
            Map.entry("deduction-within-reported-costs", "Ett avdrag kan inte överstiga de redovisade kostnaderna i sin kategori"),
            Map.entry("advance-within-limits", "Ett förskott får högst vara den tillåtna andelen av stödet och högst det tillåtna beloppet"),
            Map.entry("amendment-not-below-paid", "Ett ändringsbeslut får inte sänka stödet under vad som redan betalats ut"),
            Map.entry("payment-from-grant-fund", "Ett ärende betalas från den anslagspost det beviljades ur"),
            Map.entry("recovery-within-paid", "Ett återkrav får högst vara vad som betalats ut och inte redan återkrävts"),
            Map.entry("repayment-within-recovery", "En återbetalning får högst vara vad som återstår av återkravet"),
            Map.entry("diary-number-unique", "Diarienumret finns redan för ett annat ärende"),
            Map.entry("date-not-before-decision", "Inget får betalas, rekvireras eller ändras före det beslut det vilar på"),
            Map.entry("decider-is-not-preparer", "Beslutet ska fattas av en annan person än den som beredde det"),
            Map.entry("attester-is-not-proposer", "Utbetalningen ska attesteras av en annan person än den som föreslog den"),
            Map.entry("attester-did-not-approve-requisition", "Den som godkände rekvisitionen får inte attestera utbetalningen av den"),
            Map.entry("commitments-within-frame", "Besluten får inte binda mer än årets anslagsram; beslutade men ej utbetalda medel förblir reserverade"),
            Map.entry("investment-grant-outside-vasteras", "Investeringsbidrag ges bara till företag utanför Västerås"),
            Map.entry("de-minimis-within-cap", "Stöd av mindre betydelse till ett och samma företag får högst vara 300 000 euro under tre år"),
            Map.entry("exchange-rate-on-decision-date", "Stöd av mindre betydelse räknas om till euro med beslutsdagens kurs, som saknas"),
            Map.entry("commercial-service-within-net-cost-share", "Stödet till kommersiell service får högst vara den tillåtna andelen av kommunens nettokostnad"),
            Map.entry("idempotency-key-reused", "En Idempotency-Key hör till en enda begäran"),
            Map.entry("import-cell", "En cell saknas eller har ett ogiltigt värde"),
            Map.entry("import-unknown-reference", "Raden hänvisar till ett projekt eller en rekvisition som inte finns på någon tidigare rad"),
            Map.entry("not-found", "Det raden hänvisar till finns inte"),
            Map.entry("unexpected", "Raden kunde inte bokföras"));

    private SwedishRefusals() {
    }

    static String of(String code, String detail) {
        String sentence = RULES.get(code);
        if (sentence == null) {
            sentence = code.startsWith("unknown-") ? "Det raden hänvisar till finns inte i ärendet"
                    : "Ärendets läge eller radens värden tillåter inte detta";
        }
        return sentence + ".";
    }
}
