package se.region.grantledger.core.rules;

import java.util.Map;

/** A command broke one of the funding rules of DOMAIN.md; nothing was recorded. */
public class RuleViolation extends DomainException {

    private final Rule rule;

    public RuleViolation(Rule rule, String message, Map<String, Object> figures) {
        super(rule.code(), message, figures);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
