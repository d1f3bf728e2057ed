package se.region.grantledger.core.model;

/** Why money went out: an advance (förskott) before costs, or reimbursement of an approved requisition. */
public enum PaymentType {
    ADVANCE,
    REQUISITION
}
