package se.region.grantledger.core.model;

/**
 * Why money went out: on a project, an advance (förskott) before costs or reimbursement of an approved
 * requisition; on business support and commercial service, an instalment of the decided amount.
 */
public enum PaymentType {
    ADVANCE,
    REQUISITION,
    INSTALMENT
}
