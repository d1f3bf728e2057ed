package se.region.grantledger.core.model;

/** What a signed-in user may do. A user may hold several; four-eyes rules still keep one person from both steps. */
public enum Role {
    /** Handläggare: registers projects, records requisitions, proposes grant decisions and payments. */
    CASE_OFFICER,
    /** Beslutsfattare/attestant: decides grants, approves or rejects requisitions, attests payments. */
    APPROVER,
    /** Revisor: reads everything, history included; writes nothing. */
    AUDITOR,
    /** Reporting jobs: read projections and reports only. */
    REPORTER,
    /** Operations (metrics, rebuilding projections); no business reads or writes. */
    ADMIN,
    /**
     * Brings a region's earlier books in (docs/import.md): uploads a workbook of history, or confirms another
     * person's upload, which then records its decisions and payments on the two persons' behalf.
     */
    IMPORTER
}
