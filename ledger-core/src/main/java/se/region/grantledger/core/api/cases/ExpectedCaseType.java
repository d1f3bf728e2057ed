package se.region.grantledger.core.api.cases;

/**
 * Metadata a command may carry: the kind of case ({@code SupportType} name) the request's path named. A case of
 * another kind refuses the command as unknown, so a project's id on a business-support path is "not found".
 */
public final class ExpectedCaseType {

    public static final String METADATA_KEY = "expectedCaseType";

    private ExpectedCaseType() {
    }
}
