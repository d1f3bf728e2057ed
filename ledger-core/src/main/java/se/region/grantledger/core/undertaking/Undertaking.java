package se.region.grantledger.core.undertaking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.limits.AddCompanyToUndertaking;
import se.region.grantledger.core.api.limits.CompanyJoinedUndertaking;
import se.region.grantledger.core.api.limits.DeMinimisAidGranted;
import se.region.grantledger.core.api.limits.DeclareOtherDeMinimisAid;
import se.region.grantledger.core.api.limits.OtherDeMinimisAidDeclared;
import se.region.grantledger.core.api.limits.RegisterUndertaking;
import se.region.grantledger.core.api.limits.UndertakingRegistered;
import se.region.grantledger.core.model.DeMinimisWindow.Aid;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.OrganisationNumber;
import se.region.grantledger.core.model.UndertakingIds;
import se.region.grantledger.core.rules.Conflict;
import se.region.grantledger.core.rules.DeMinimisPolicy;
import se.region.grantledger.core.rules.Figures;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.StateConflict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A single undertaking: the linked companies that count together for de minimis, and every piece of de minimis
 * aid granted to any of them, the region's own decisions and other grantors' aid the companies declared.
 * <p>
 * A business-support decision changes this aggregate through {@link DeMinimisRegister} in its own unit of work,
 * which holds this aggregate's lock: two racing decisions for one undertaking are serialised and the second is
 * checked against the first (docs/adr/0008).
 */
@Aggregate(snapshotTriggerDefinition = "limitSnapshots", cache = "aggregateCache",
        snapshotFilter = "undertakingSnapshotFilter")
@Revision("1") // of the snapshot's shape: raise it when the fields change, and older snapshots are ignored
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Undertaking {

    @AggregateIdentifier
    private String undertakingId;
    private final Set<OrganisationNumber> companies = new LinkedHashSet<>();
    private final Set<String> declarationIds = new HashSet<>();
    private final List<Aid> aid = new ArrayList<>();

    protected Undertaking() {
        // for Axon
    }

    @CommandHandler
    public Undertaking(RegisterUndertaking command, UndertakingMembers members) {
        UndertakingIds.check(command.undertakingId());
        Require.text(command.name(), "name");
        Require.notEmpty(command.companies(), "companies");
        List<OrganisationNumber> distinct = command.companies().stream().distinct().toList();
        distinct.forEach(company -> claim(members, company, command.undertakingId()));
        apply(new UndertakingRegistered(command.undertakingId(), command.name().trim(), distinct));
    }

    @CommandHandler
    public void handle(AddCompanyToUndertaking command, UndertakingMembers members) {
        OrganisationNumber company = Require.present(command.company(), "company");
        if (companies.contains(company)) {
            throw new StateConflict(Conflict.COMPANY_ALREADY_IN_UNDERTAKING, "company " + company
                    + " already belongs to single undertaking " + undertakingId);
        }
        claim(members, company, undertakingId);
        apply(new CompanyJoinedUndertaking(undertakingId, company));
    }

    @CommandHandler
    public void handle(DeclareOtherDeMinimisAid command) {
        Require.text(command.declarationId(), "declarationId");
        OrganisationNumber company = Require.present(command.company(), "company");
        Require.text(command.grantor(), "grantor");
        Require.present(command.grantedOn(), "grantedOn");
        Euro amount = Require.present(command.amount(), "amount");
        if (amount.cents() == 0) {
            throw new InvalidValue("zero-amount", "amount must be above zero");
        }
        if (!companies.contains(company)) {
            throw new InvalidValue("company-not-in-undertaking", "company " + company
                    + " is not part of single undertaking " + undertakingId + "; add it first");
        }
        if (declarationIds.contains(command.declarationId())) {
            throw new StateConflict(Conflict.AID_ALREADY_DECLARED, "declaration " + command.declarationId()
                    + " is already registered on single undertaking " + undertakingId);
        }
        apply(new OtherDeMinimisAidDeclared(undertakingId, command.declarationId(), company, command.grantor().trim(),
                command.grantedOn(), amount));
    }

    /** Checks the cap and records the region's own aid; called by {@link EventSourcedDeMinimisRegister}. */
    void grant(String caseId, OrganisationNumber company, LocalDate decisionDate, Money amount, BigDecimal sekPerEuro,
               Euro amountEur) {
        DeMinimisPolicy.deMinimisWithinCap(undertakingId, aid, new Aid(caseId, decisionDate, amountEur));
        apply(new DeMinimisAidGranted(undertakingId, caseId, company, decisionDate, amount, sekPerEuro, amountEur));
    }

    private static void claim(UndertakingMembers members, OrganisationNumber company, String undertakingId) {
        members.claim(company, undertakingId).ifPresent(other -> {
            throw new StateConflict(Conflict.COMPANY_IN_ANOTHER_UNDERTAKING, "company " + company
                    + " already belongs to single undertaking " + other + "; a company counts in one",
                    Figures.of("company", company.toString(), "undertakingId", other));
        });
    }

    @EventSourcingHandler
    void on(UndertakingRegistered event) {
        undertakingId = event.undertakingId();
        companies.addAll(event.companies());
    }

    @EventSourcingHandler
    void on(CompanyJoinedUndertaking event) {
        companies.add(event.company());
    }

    @EventSourcingHandler
    void on(OtherDeMinimisAidDeclared event) {
        declarationIds.add(event.declarationId());
        aid.add(new Aid(event.declarationId(), event.grantedOn(), event.amount()));
    }

    @EventSourcingHandler
    void on(DeMinimisAidGranted event) {
        aid.add(new Aid(event.caseId(), event.decisionDate(), event.amountEur()));
    }
}
