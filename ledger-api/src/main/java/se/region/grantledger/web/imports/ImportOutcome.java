package se.region.grantledger.web.imports;

import se.region.grantledger.core.rules.DomainException;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.NotAllowed;
import se.region.grantledger.core.rules.RuleViolation;
import se.region.grantledger.core.rules.StateConflict;
import se.region.grantledger.core.rules.UnknownEntity;

import java.util.Map;

/**
 * What became of one row: created (or, in a dry run, would be), already imported, or refused with the rule or
 * conflict, its figures, and what it means in Swedish and English.
 */
record ImportOutcome(String sheet, int row, String key, Result result, String what, Refusal refusal) {

    enum Result {
        CREATED, ALREADY_IMPORTED, REFUSED
    }

    /** As the REST API would refuse the same request (RFC 9457 type and title), with a Swedish sentence beside it. */
    record Refusal(String type, String code, String title, String detail, Map<String, Object> figures,
                   String svenska) {

        static Refusal of(Throwable failure) {
            Throwable cause = failure;
            while (!(cause instanceof DomainException) && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof RuleViolation rule) {
                return refusal("rule:", rule, rule.rule().description());
            }
            if (cause instanceof StateConflict conflict) {
                return refusal("conflict:", conflict, "The case's state does not allow this");
            }
            if (cause instanceof InvalidValue invalid) {
                return refusal("invalid:", invalid, "Invalid input");
            }
            if (cause instanceof NotAllowed notAllowed) {
                return refusal("forbidden:", notAllowed, "Not allowed");
            }
            if (cause instanceof UnknownEntity unknown) {
                return new Refusal("urn:grant-ledger:not-found", unknown.code(), "Not found", unknown.getMessage(),
                        unknown.figures(), SwedishRefusals.of("not-found", unknown.getMessage()));
            }
            if (cause instanceof DomainException other) {
                return refusal("", other, "Refused");
            }
            String detail = failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                    : ": " + failure.getMessage());
            return new Refusal("urn:grant-ledger:unexpected", "unexpected", "The row could not be recorded", detail,
                    Map.of(), SwedishRefusals.of("unexpected", detail));
        }

        private static Refusal refusal(String kind, DomainException refusal, String title) {
            return new Refusal("urn:grant-ledger:" + kind + refusal.code(), refusal.code(), title, refusal.getMessage(),
                    refusal.figures(), SwedishRefusals.of(refusal.code(), refusal.getMessage()));
        }
    }

    /** The sentence the dry-run workbook writes beside the row, Swedish first. */
    String comment() {
        return switch (result) {
            case CREATED -> "Skapas / Creates: " + what;
            case ALREADY_IMPORTED -> "Redan inläst, ändras inte / Already imported, left as it is: " + what;
            case REFUSED -> "AVVISAS / REFUSED (" + refusal.code() + "): " + refusal.svenska() + " / " + refusal.title()
                    + ": " + refusal.detail();
        };
    }
}
