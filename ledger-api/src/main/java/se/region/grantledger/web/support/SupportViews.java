package se.region.grantledger.web.support;

import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.projections.support.SupportCaseRow;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the business-support and commercial-service endpoints answer; money in kronor, de minimis in euro. */
public final class SupportViews {

    private SupportViews() {
    }

    public record CompanyView(String organisationNumber, String name, String municipality, boolean ledByWoman,
                              boolean ledByPersonBornAbroad) {
    }

    public record DeMinimisView(String undertakingId, Euro amountEur, BigDecimal sekPerEuro) {
    }

    public record DecisionView(String decisionNumber, LocalDate decisionDate, Money amount, String decidedBy) {
    }

    public record BusinessSupportView(String caseId, String diaryNumber, String status, CompanyView company,
                                      String supportType, String fund, String purpose, String registeredBy,
                                      DecisionView decision, DeMinimisView deMinimis, Money pending, Money paid,
                                      Money recovered, Money repaid, Money returnedToState, Money remaining,
                                      Money released, LocalDate closedOn, long version) {

        static BusinessSupportView of(SupportCaseRow row) {
            return new BusinessSupportView(row.caseId(), row.diaryNumber(), row.status(),
                    new CompanyView(row.organisationNumber(), row.recipientName(), row.municipality(),
                            Boolean.TRUE.equals(row.ledByWoman()), Boolean.TRUE.equals(row.ledByPersonBornAbroad())),
                    row.businessSupportType(), row.fund(), row.purpose(), row.registeredBy(), decisionOf(row),
                    row.undertakingId() == null ? null : new DeMinimisView(row.undertakingId(),
                            new Euro(row.deMinimisEurCents()), row.sekPerEuro()),
                    row.pending(), row.paid(), row.recovered(), row.repaid(), row.returnedToState(), row.remaining(),
                    row.released(), row.closedOn(), row.version());
        }
    }

    public record RecipientView(String name, String organisationNumber) {
    }

    public record CommercialServiceView(String grantId, String diaryNumber, String status, RecipientView recipient,
                                        String recipientKind, String municipality, String serviceType, int year,
                                        Money netCost, String registeredBy, DecisionView decision, Money pending,
                                        Money paid, Money recovered, Money repaid, Money returnedToState,
                                        Money remaining, Money released, LocalDate closedOn, long version) {

        static CommercialServiceView of(SupportCaseRow row) {
            return new CommercialServiceView(row.caseId(), row.diaryNumber(), row.status(),
                    new RecipientView(row.recipientName(), row.organisationNumber()), row.recipientKind(),
                    row.municipality(), row.serviceType(), row.serviceYear(), row.netCost(), row.registeredBy(),
                    decisionOf(row), row.pending(), row.paid(), row.recovered(), row.repaid(), row.returnedToState(),
                    row.remaining(), row.released(), row.closedOn(), row.version());
        }
    }

    /** Answer to a POST that made something inside a case (a payment, a recovery): its id and the case after. */
    public record CreatedIn<V>(String id, V supportCase) {
    }

    private static DecisionView decisionOf(SupportCaseRow row) {
        return row.decisionDate() == null ? null
                : new DecisionView(row.decisionNumber(), row.decisionDate(), row.decided(), row.decidedBy());
    }
}
