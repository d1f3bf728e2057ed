package se.region.grantledger.core.model;

/** What sort of project: pilots and feasibility studies are exempt from the three-municipality rule. */
public enum ProjectKind {
    PROJECT,
    PILOT,
    FEASIBILITY_STUDY;

    public boolean mayReachFewerMunicipalities() {
        return this != PROJECT;
    }
}
