package se.region.grantledger.projections.project;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.FundingForm;

/** One line of a project's financing plan as the status read model keeps it. */
@Embeddable
public class PlanLineRow {

    @Column(name = "funder", nullable = false)
    private String funder;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private FunderCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "form", nullable = false)
    private FundingForm form;

    @Column(name = "amount_ore", nullable = false)
    private long amountOre;

    protected PlanLineRow() {
    }

    public PlanLineRow(String funder, FunderCategory category, FundingForm form, long amountOre) {
        this.funder = funder;
        this.category = category;
        this.form = form;
        this.amountOre = amountOre;
    }

    public String getFunder() {
        return funder;
    }

    public FunderCategory getCategory() {
        return category;
    }

    public FundingForm getForm() {
        return form;
    }

    public long getAmountOre() {
        return amountOre;
    }
}
