package se.region.grantledger.core.cases;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import se.region.grantledger.core.api.cases.AttestPayment;
import se.region.grantledger.core.api.cases.CloseCase;
import se.region.grantledger.core.api.cases.DecideRecovery;
import se.region.grantledger.core.api.cases.ProposeAdvance;
import se.region.grantledger.core.api.cases.ProposePayment;
import se.region.grantledger.core.api.cases.RegisterRepayment;
import se.region.grantledger.core.api.cases.WithdrawDecision;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.api.limits.AppropriationAllocated;
import se.region.grantledger.core.api.limits.AppropriationCredited;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.api.limits.RepaymentReturnedToState;
import se.region.grantledger.core.api.project.AmendGrant;
import se.region.grantledger.core.api.project.ApproveRequisition;
import se.region.grantledger.core.api.project.DecideGrant;
import se.region.grantledger.core.api.project.GrantAmended;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.GrantWithdrawn;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.ProjectClosed;
import se.region.grantledger.core.api.project.ProposeGrantDecision;
import se.region.grantledger.core.api.project.RegisterProject;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.project.SubmitRequisition;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.DecideCommercialServiceGrant;
import se.region.grantledger.core.api.support.RegisterCommercialServiceGrant;
import se.region.grantledger.core.api.support.SupportCaseClosed;
import se.region.grantledger.core.api.support.SupportDecisionWithdrawn;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.api.support.SupportRepaymentReceived;
import se.region.grantledger.core.appropriation.Appropriation;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.appropriation.EventSourcedAppropriations;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.CommercialServiceType;
import se.region.grantledger.core.model.CostCategory;
import se.region.grantledger.core.model.Deduction;
import se.region.grantledger.core.model.FinancingLine;
import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.FundingForm;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;
import se.region.grantledger.core.model.ReportedCosts;
import se.region.grantledger.core.model.ServiceRecipientKind;
import se.region.grantledger.core.project.DiaryNumberRegistry;
import se.region.grantledger.core.project.Project;
import se.region.grantledger.core.rules.DomainException;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.support.BusinessSupport;
import se.region.grantledger.core.support.CommercialServiceGrant;
import se.region.grantledger.core.undertaking.DeMinimisRegister;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random books (docs/adr/0014): random sequences of what finance staff do to two projects and a commercial-service
 * grant (decisions, amendments both ways, requisitions with deductions, advances, payments, recoveries, repayments in
 * the payment's year and later, closure, withdrawal; many of them refused), run through the real aggregates and
 * frames on an in-memory Axon store. After every step, from the stored events alone:
 * <ul>
 *   <li>each frame holds for each case exactly what the case says: paid = the case's net paid + what went to the
 *   state; outstanding = the case's remaining (decided − net paid − returned to the state), nothing once it ended;
 *   committed = decided while open, net paid + returned to the state once ended;</li>
 *   <li>an ended case accounts for every krona: decided = net paid + returned to the state + released;</li>
 *   <li>every frame: committed ≤ frame, and committed = the sum over its cases;</li>
 *   <li>a refused command stores nothing.</li>
 * </ul>
 * Tries: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; more with
 * {@code ./mvnw test -pl ledger-core -Dtest=RandomBooksProperties -Djqwik.tries.default=2000}).
 */
class RandomBooksProperties {

    private static final List<String> CASES = List.of("p-0", "p-1", "c-0");
    private static final Map<String, Object> OFFICER = Map.of(Actor.USER, "anna", Actor.ROLES, List.of("CASE_OFFICER"));
    private static final Map<String, Object> APPROVER = Map.of(Actor.USER, "bertil", Actor.ROLES, List.of("APPROVER"));
    private static final Map<String, Object> OTHER = Map.of(Actor.USER, "cecilia", Actor.ROLES, List.of("APPROVER"));

    /** One thing finance staff do; most take a case, an amount in kronor and days to move the calendar on. */
    record Step(String kind, int caseIndex, long kronor, int days, boolean flag) {
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void everyKronaIsAccountedForInTheCaseAndItsFrame(@ForAll("steps") @Size(min = 10, max = 60) List<Step> steps,
                                                       @ForAll @LongRange(min = 50_000, max = 450_000) long decided) {
        Books books = new Books(decided);
        for (Step step : steps) {
            boolean refused = books.take(step);
            Statistics.label("steps").collect(step.kind() + (refused ? " refused" : " taken"));
            books.assertEveryKronaAccountedFor(step);
        }
        // the books must get far enough for the invariants to mean something: money paid, and money coming back
        Statistics.label("steps").coverage(coverage -> {
            coverage.check("pay taken").percentage(share -> share > 5);
            coverage.check("recover taken").percentage(share -> share > 1);
            coverage.check("repay taken").percentage(share -> share > 0.5);
        });
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // Weighted so that books get far: decisions and requisitions first, then many payments and money coming
        // back, and now and then an ending (after which most of a case's steps are refused, as they should be).
        Arbitrary<String> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(1, "decide"), net.jqwik.api.Tuple.of(3, "requisition"),
                net.jqwik.api.Tuple.of(6, "pay"), net.jqwik.api.Tuple.of(1, "advance"),
                net.jqwik.api.Tuple.of(3, "recover"), net.jqwik.api.Tuple.of(4, "repay"),
                net.jqwik.api.Tuple.of(1, "amend"), net.jqwik.api.Tuple.of(1, "close"),
                net.jqwik.api.Tuple.of(1, "withdraw"));
        Arbitrary<Step> step = Combinators.combine(kinds, Arbitraries.integers().between(0, CASES.size() - 1),
                        Arbitraries.longs().between(1, 400_000), Arbitraries.integers().between(0, 200),
                        Arbitraries.of(true, false))
                .as(Step::new);
        return step.list();
    }

    /** The ledger's aggregates on an in-memory store, and what the steps need to remember. */
    private static final class Books {

        private final Configuration axon;
        private LocalDate today = LocalDate.of(2025, 4, 15);
        private int serial;
        private final Map<String, String> approvedRequisition = new HashMap<>();
        private final Map<String, String> lastRecovery = new HashMap<>();
        private final Map<String, Money> owed = new HashMap<>();

        /** Every case registered, and decided at {@code decidedKronor} (a commercial-service grant at half of it). */
        Books(long decidedKronor) {
            axon = DefaultConfigurer.defaultConfiguration()
                    .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(GrantCase.class)
                            .withSubtypes(Set.of(Project.class, BusinessSupport.class, CommercialServiceGrant.class)))
                    .configureAggregate(Appropriation.class)
                    .registerComponent(FundingLimits.class, c -> FundingLimits.DEFAULTS)
                    .registerComponent(DiaryNumberRegistry.class, c -> (number, id) -> true)
                    .registerComponent(AppropriationLedger.class,
                            c -> new EventSourcedAppropriations(() -> c.repository(Appropriation.class)))
                    .registerComponent(DeMinimisRegister.class, c -> (company, caseId, date, amount) -> {
                        throw new IllegalStateException("no business support in these books");
                    })
                    .buildConfiguration();
            axon.start();
            for (int year = 2025; year <= 2028; year++) {
                send(new AllocateAppropriation("REGIONAL_1_1-" + year, Fund.REGIONAL_1_1, year,
                        Money.ofKronor(1_500_000), "regleringsbrev " + year), APPROVER);
            }
            Organisation owner = new Organisation("Almi", OrganisationNumber.of("556486-7678"));
            for (String project : List.of("p-0", "p-1")) {
                send(new RegisterProject(project, "RV-" + project, null, "T", owner,
                        Set.of(Municipality.SALA, Municipality.KOPING, Municipality.VASTERAS), ProjectKind.PROJECT,
                        "Tillväxtföretag", new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2028, 12, 31))), OFFICER);
            }
            send(new RegisterCommercialServiceGrant("c-0", "RV-c-0", new Organisation("Norbergs kommun",
                    OrganisationNumber.of("212000-2049")), ServiceRecipientKind.MUNICIPALITY, Municipality.NORBERG,
                    CommercialServiceType.HOME_DELIVERY, 2025, Money.ofKronor(2_000_000)), OFFICER);
            for (String id : CASES) {
                take(new Step("decide", CASES.indexOf(id), id.startsWith("p") ? decidedKronor : decidedKronor / 2, 0,
                        false));
            }
        }

        /** @return whether the ledger refused the step */
        boolean take(Step step) {
            today = today.plusDays(step.days());
            if (today.getYear() > 2028) {
                today = LocalDate.of(2028, 12, 1);
            }
            String id = CASES.get(step.caseIndex());
            boolean project = id.startsWith("p");
            Money amount = Money.ofKronor(step.kronor());
            try {
                switch (step.kind()) {
                    case "decide" -> {
                        if (project) {
                            send(new ProposeGrantDecision(id, plan(amount), List.of()), OFFICER);
                            send(new DecideGrant(id, "RUN " + next(), today), APPROVER);
                        } else {
                            send(new DecideCommercialServiceGrant(id, "RUN " + next(), today, amount), APPROVER);
                        }
                    }
                    case "requisition" -> requisition(id, step);
                    case "pay" -> {
                        if (project && !approvedRequisition.containsKey(id)) {
                            requisition(id, step); // finance staff pay a project against an approved requisition
                        }
                        pay(id, new ProposePayment(id, "pay-" + next(), approvedRequisition.get(id), part(amount, 4),
                                null, today, "UB"));
                    }
                    case "advance" -> pay(id, new ProposeAdvance(id, "adv-" + next(), part(amount, 4), null, today,
                            "UB", "cannot bridge"));
                    case "recover" -> {
                        String recovery = "rec-" + next();
                        send(new DecideRecovery(id, recovery, today, part(amount, 8), "not eligible"), APPROVER);
                        lastRecovery.put(id, recovery);
                        owed.put(recovery, part(amount, 8));
                    }
                    case "repay" -> {
                        // at most what is still owed, so that repayments are mostly taken; the rules still run
                        String recovery = lastRecovery.getOrDefault(id, "none");
                        Money repaid = part(amount, 16).min(owed.getOrDefault(recovery, Money.ofOre(1)));
                        send(new RegisterRepayment(id, recovery, repaid, step.flag() ? today : today.plusYears(1),
                                "BG"), OFFICER);
                        owed.computeIfPresent(recovery, (key, left) -> left.minus(repaid));
                    }
                    case "amend" -> send(new AmendGrant(id, "RUN " + next(), today, plan(amount), null, "new scope"),
                            APPROVER);
                    case "close" -> send(new CloseCase(id, today, null), APPROVER);
                    case "withdraw" -> send(new WithdrawDecision(id, today, "withdrawn"), APPROVER);
                    default -> throw new IllegalArgumentException(step.kind());
                }
                return false;
            } catch (DomainException refused) {
                Statistics.label("refusals").collect(step.kind() + " " + refused.code());
                return true;
            } catch (NoHandlerForCommandException otherKind) {
                return true; // a kind's own command on another kind of case: "not found" over HTTP
            }
        }

        /** Costs of twice the step's amount submitted and approved, a tenth deducted if the step says so. */
        private void requisition(String id, Step step) {
            String requisition = "r-" + next();
            long deducted = step.flag() ? step.kronor() / 10 : 0;
            send(new SubmitRequisition(id, requisition, new Period(LocalDate.of(2025, 4, 1),
                    today.isBefore(LocalDate.of(2025, 4, 2)) ? LocalDate.of(2025, 4, 2) : today),
                    new ReportedCosts(Map.of(CostCategory.STAFF, Money.ofKronor(step.kronor() * 2))), Map.of(), today),
                    OFFICER);
            send(new ApproveRequisition(id, requisition, today, deducted == 0 ? List.of()
                    : List.of(new Deduction(CostCategory.STAFF, Money.ofKronor(deducted), "not eligible"))), APPROVER);
            approvedRequisition.put(id, requisition);
        }

        private void pay(String id, Object proposal) {
            send(proposal, OFFICER);
            String paymentId = proposal instanceof ProposePayment payment ? payment.paymentId()
                    : ((ProposeAdvance) proposal).paymentId();
            send(new AttestPayment(id, paymentId), OTHER);
        }

        /** A part of the step's amount, so that payments and money coming back fit what was decided. */
        private static Money part(Money amount, int divisor) {
            return Money.ofOre(Math.max(1, amount.ore() / divisor));
        }

        private int next() {
            return ++serial;
        }

        private static FinancingPlan plan(Money regional) {
            return new FinancingPlan(List.of(
                    new FinancingLine("Region 1:1", FunderCategory.REGIONAL_1_1, FundingForm.CASH, regional),
                    new FinancingLine("ERUF", FunderCategory.ERUF, FundingForm.CASH, regional)));
        }

        /** Sends one command; a refused one must leave the store as it was. */
        private void send(Object command, Map<String, Object> who) {
            int before = events().size();
            try {
                axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(who));
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause != null && !(cause instanceof DomainException)
                        && !(cause instanceof NoHandlerForCommandException)) {
                    cause = cause.getCause();
                }
                if (cause instanceof RuntimeException refusal) {
                    assertThat(events()).as("a refused " + command + " stored nothing").hasSize(before);
                    throw refusal;
                }
                throw e;
            }
        }

        List<DomainEventMessage<?>> events() {
            List<DomainEventMessage<?>> all = new ArrayList<>();
            for (String id : List.of("p-0", "p-1", "c-0", "REGIONAL_1_1-2025", "REGIONAL_1_1-2026",
                    "REGIONAL_1_1-2027", "REGIONAL_1_1-2028")) {
                axon.eventStore().readEvents(id).asStream().forEach(all::add);
            }
            return all;
        }

        void assertEveryKronaAccountedFor(Step after) {
            Map<String, CaseBooks> cases = new HashMap<>();
            Map<String, FrameBooks> frames = new HashMap<>();
            for (DomainEventMessage<?> event : events()) {
                Object payload = event.getPayload();
                String stream = event.getAggregateIdentifier();
                if (stream.startsWith("REGIONAL")) {
                    frames.computeIfAbsent(stream, FrameBooks::new).apply(payload);
                } else {
                    cases.computeIfAbsent(stream, id -> new CaseBooks()).apply(payload);
                }
            }
            for (String id : CASES) {
                CaseBooks kase = cases.getOrDefault(id, new CaseBooks());
                long framePaid = frames.values().stream().mapToLong(frame -> frame.paid(id)).sum();
                long frameOutstanding = frames.values().stream().mapToLong(frame -> frame.outstanding(id)).sum();
                long frameCommitted = frames.values().stream().mapToLong(frame -> frame.committed(id)).sum();
                long frameToState = frames.values().stream().mapToLong(frame -> frame.toState(id)).sum();
                String where = id + " after " + after;
                assertThat(framePaid).as("frame paid = case net paid + to the state, " + where)
                        .isEqualTo(kase.netPaid() + kase.toState);
                assertThat(frameToState).as("to the state, " + where).isEqualTo(kase.toState);
                if (kase.ended) {
                    assertThat(frameOutstanding).as("nothing outstanding once ended, " + where).isZero();
                    assertThat(kase.decided).as("decided = net paid + to the state + released, " + where)
                            .isEqualTo(kase.netPaid() + kase.toState + kase.released);
                    assertThat(frameCommitted).as("committed once ended, " + where)
                            .isEqualTo(kase.netPaid() + kase.toState);
                } else {
                    assertThat(frameOutstanding).as("frame outstanding = case remaining, " + where)
                            .isEqualTo(kase.decided - kase.netPaid() - kase.toState);
                    assertThat(frameCommitted).as("committed while open = decided, " + where).isEqualTo(kase.decided);
                }
            }
            frames.values().forEach(frame -> assertThat(frame.totalCommitted()).as(frame.id + " within its frame")
                    .isLessThanOrEqualTo(frame.frame).isEqualTo(CASES.stream().mapToLong(frame::committed).sum()));
        }
    }

    /** A case's own account, from its events: decided, paid, repaid, what went to the state, released. */
    private static final class CaseBooks {
        long decided;
        long paid;
        long repaid;
        long toState;
        long released;
        boolean ended;

        long netPaid() {
            return paid - repaid;
        }

        void apply(Object event) {
            if (event instanceof GrantDecided decision) {
                decided = decision.grantedAmount().ore();
            } else if (event instanceof GrantAmended amended) {
                decided = amended.grantedAmount().ore();
            } else if (event instanceof CommercialServiceGrantDecided decision) {
                decided = decision.amount().ore();
            } else if (event instanceof PaymentMade payment) {
                paid += payment.amount().ore();
            } else if (event instanceof SupportPaymentMade payment) {
                paid += payment.amount().ore();
            } else if (event instanceof RepaymentReceived repayment) {
                repaid(repayment.amount(), repayment.creditedToFrame(), repayment.returnedToState());
            } else if (event instanceof SupportRepaymentReceived repayment) {
                repaid(repayment.amount(), repayment.creditedToFrame(), repayment.returnedToState());
            } else if (event instanceof ProjectClosed closed) {
                end(closed.releasedAmount());
            } else if (event instanceof GrantWithdrawn withdrawn) {
                end(withdrawn.releasedAmount());
            } else if (event instanceof SupportCaseClosed closed) {
                end(closed.releasedAmount());
            } else if (event instanceof SupportDecisionWithdrawn withdrawn) {
                end(withdrawn.releasedAmount());
            }
        }

        private void repaid(Money amount, Money credited, Money returned) {
            assertThat(credited.plus(returned)).as("a repayment is split, not lost").isEqualTo(amount);
            repaid += amount.ore();
            toState += returned.ore();
            if (ended) {
                released += credited.ore();
            }
        }

        private void end(Money releasedAmount) {
            ended = true;
            released += releasedAmount.ore();
        }
    }

    /** A frame's account per case, from its events. */
    private static final class FrameBooks {
        final String id;
        long frame;
        final Map<String, long[]> byCase = new HashMap<>(); // reserved, drawn, credited, released, to the state

        FrameBooks(String id) {
            this.id = id;
        }

        void apply(Object event) {
            if (event instanceof AppropriationAllocated allocated) {
                frame = allocated.frame().ore();
            } else if (event instanceof AppropriationReserved reserved) {
                of(reserved.caseId())[0] += reserved.amount().ore();
            } else if (event instanceof AppropriationDrawn drawn) {
                of(drawn.caseId())[1] += drawn.amount().ore();
            } else if (event instanceof AppropriationCredited credited) {
                of(credited.caseId())[2] += credited.amount().ore();
            } else if (event instanceof AppropriationReleased released) {
                of(released.caseId())[3] += released.amount().ore();
            } else if (event instanceof RepaymentReturnedToState returned) {
                of(returned.caseId())[4] += returned.amount().ore();
            }
        }

        private long[] of(String caseId) {
            return byCase.computeIfAbsent(caseId, id -> new long[5]);
        }

        long paid(String caseId) {
            long[] books = byCase.getOrDefault(caseId, new long[5]);
            return books[1] - books[2];
        }

        long committed(String caseId) {
            long[] books = byCase.getOrDefault(caseId, new long[5]);
            return books[0] - books[3];
        }

        long outstanding(String caseId) {
            return committed(caseId) - paid(caseId);
        }

        long toState(String caseId) {
            return byCase.getOrDefault(caseId, new long[5])[4];
        }

        long totalCommitted() {
            return byCase.keySet().stream().mapToLong(this::committed).sum();
        }
    }
}
