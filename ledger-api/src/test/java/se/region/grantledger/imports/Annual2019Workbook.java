package se.region.grantledger.imports;

import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.RecoveryDecided;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.CommercialServiceGrantRegistered;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.model.FinancingLine;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.projections.reports.Annual2019Fixture;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The 2019 books of the golden test ({@link Annual2019Fixture}, seed 002's figures) as the workbook a finance officer
 * would fill in from the earlier system: every event the fixture feeds the reports becomes the row that makes the
 * ledger record it. What the events take for granted and a workbook must say is added: the frames of each year,
 * the euro rate of each business-support decision day, a single undertaking for each company, and for every project
 * payment the approved requisition it pays (its costs just enough for the payment at the plan's 1:1 share).
 */
public final class Annual2019Workbook {

    /** Frames larger than the books need: a frame is not what these figures test. */
    private static final long FRAME_KRONOR = 200_000_000L;

    private Annual2019Workbook() {
    }

    public static byte[] bytes() {
        return build().bytes();
    }

    public static TemplateWorkbook build() {
        TemplateWorkbook books = TemplateWorkbook.template();
        List<Object> events = Annual2019Fixture.events();
        Map<String, String> diaries = new HashMap<>();
        Map<String, GrantDecided> grants = new HashMap<>();
        for (int year = 2017; year <= 2020; year++) {
            books.row("frames", "REGIONAL_1_1", year, FRAME_KRONOR, "Regleringsbrev " + year);
            books.row("frames", "TILLVAXTVERKET", year, FRAME_KRONOR, "Tillväxtverkets checkar " + year);
        }
        TreeSet<LocalDate> supportDecisionDays = events.stream().filter(BusinessSupportDecided.class::isInstance)
                .map(event -> ((BusinessSupportDecided) event).decisionDate()).collect(Collectors.toCollection(TreeSet::new));
        supportDecisionDays.forEach(day -> books.row("exchange_rates", "EUR", day.toString(), "10.5",
                "Riksbanken"));

        Map<String, Object[]> supportRows = new LinkedHashMap<>();
        for (Object event : events) {
            if (event instanceof ProjectRegistered project) {
                diaries.put(project.projectId(), project.diaryNumber());
                books.row("projects", project.diaryNumber(), project.title(), project.owner().name(),
                        project.owner().organisationNumber().toString(), project.municipalities().stream()
                                .map(Municipality::scbCode).collect(Collectors.joining(", ")),
                        project.kind().name(), project.goalArea(), project.period().start().toString(),
                        project.period().end().toString(), null);
            } else if (event instanceof GrantDecided grant) {
                grants.put(grant.projectId(), grant);
                String diary = diaries.get(grant.projectId());
                books.row("decisions", diary, grant.decisionNumber(), grant.decisionDate().toString(), "GRANT", null,
                        null);
                for (FinancingLine line : grant.plan().lines()) {
                    books.row("plan_lines", diary, grant.decisionNumber(), line.funder(), line.category().name(),
                            line.form().name(), kronor(line.amount()));
                }
            } else if (event instanceof PaymentMade payment) {
                String diary = diaries.get(payment.projectId());
                GrantDecided grant = grants.get(payment.projectId());
                String date = payment.paymentDate().toString();
                books.row("requisitions", diary, payment.paymentId(), grant.decisionDate().toString(), date, date, date,
                        kronor(costsFor(payment.amount(), grant)), null, null, null, null, null);
                books.row("payments", diary, payment.paymentId(), kronor(payment.amount()), payment.fund().name(), date,
                        payment.paymentReference() + " " + payment.paymentId(), null);
            } else if (event instanceof RecoveryDecided recovery) {
                books.row("recoveries", diaries.get(recovery.projectId()), recovery.recoveryId(),
                        recovery.decisionDate().toString(), kronor(recovery.amount()), recovery.reason());
            } else if (event instanceof RepaymentReceived repayment) {
                books.row("repayments", diaries.get(repayment.projectId()), repayment.recoveryId(),
                        kronor(repayment.amount()), repayment.receivedOn().toString(), repayment.reference());
            } else if (event instanceof BusinessSupportRegistered support) {
                diaries.put(support.caseId(), support.diaryNumber());
                String company = support.company().organisationNumber().toString();
                books.row("undertakings", "U-" + support.caseId(), support.company().name(), company);
                supportRows.put(support.caseId(), new Object[]{support.diaryNumber(), company, support.company().name(),
                        support.company().municipality().scbCode(), yesOrNo(support.company().ledByWoman()),
                        yesOrNo(support.company().ledByPersonBornAbroad()), support.supportType().name(),
                        support.fund().name(), support.purpose(), null, null, null});
            } else if (event instanceof BusinessSupportDecided decided) {
                Object[] row = supportRows.get(decided.caseId());
                row[9] = decided.decisionNumber();
                row[10] = decided.decisionDate().toString();
                row[11] = kronor(decided.amount());
            } else if (event instanceof CommercialServiceGrantRegistered grant) {
                diaries.put(grant.grantId(), grant.diaryNumber());
                supportRows.put(grant.grantId(), new Object[]{grant.diaryNumber(), grant.recipient().name(),
                        grant.recipient().organisationNumber().toString(), grant.recipientKind().name(),
                        grant.municipality().scbCode(), grant.serviceType().name(), grant.year(),
                        kronor(grant.netCost()), null, null, null});
            } else if (event instanceof CommercialServiceGrantDecided decided) {
                Object[] row = supportRows.get(decided.grantId());
                row[8] = decided.decisionNumber();
                row[9] = decided.decisionDate().toString();
                row[10] = kronor(decided.amount());
            } else if (event instanceof SupportPaymentMade payment) {
                books.row("payments", diaries.get(payment.caseId()), null, kronor(payment.amount()),
                        payment.fund().name(), payment.paymentDate().toString(),
                        payment.paymentReference() + " " + payment.caseId() + " " + payment.paymentId(), null);
            } else {
                throw new IllegalStateException("the fixture has an event the workbook cannot say: " + event);
            }
        }
        supportRows.values().forEach(row -> books.row(row.length == 12 ? "business_supports" : "commercial_service",
                row));
        return books;
    }

    /**
     * The costs a requisition must report for the payment to be within what it makes payable: the payment over the
     * plan's 1:1 share (regional over total), rounded up to whole kronor.
     */
    static Money costsFor(Money payment, GrantDecided grant) {
        BigInteger total = BigInteger.valueOf(grant.plan().total().ore());
        BigInteger regional = BigInteger.valueOf(grant.plan().regional11().ore());
        BigInteger[] ore = BigInteger.valueOf(payment.ore()).multiply(total).divideAndRemainder(regional);
        long costOre = ore[0].longValueExact() + (ore[1].signum() > 0 ? 1 : 0);
        return Money.ofOre((costOre + 99) / 100 * 100);
    }

    private static BigDecimal kronor(Money money) {
        return BigDecimal.valueOf(money.ore(), 2);
    }

    private static String yesOrNo(boolean yes) {
        return yes ? "ja" : "nej";
    }
}
