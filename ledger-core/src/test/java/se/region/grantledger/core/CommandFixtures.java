package se.region.grantledger.core;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.rules.DomainException;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.core.rules.RuleViolation;

import java.util.List;
import java.util.Map;

/** The people who send commands in the aggregate tests, as the REST layer names them, and a matcher for refusals. */
public final class CommandFixtures {

    public static final String CASE_OFFICER = "anna";
    public static final String APPROVER = "bertil";
    public static final String OTHER_APPROVER = "cecilia";

    public static Map<String, Object> as(String user, String... roles) {
        return Map.of(Actor.USER, user, Actor.ROLES, List.of(roles));
    }

    public static Map<String, Object> caseOfficer() {
        return as(CASE_OFFICER, "CASE_OFFICER");
    }

    public static Map<String, Object> approver() {
        return as(APPROVER, "APPROVER");
    }

    public static Map<String, Object> otherApprover() {
        return as(OTHER_APPROVER, "APPROVER");
    }

    /** A command sent by someone, for {@code givenCommands}. */
    public static CommandMessage<?> by(Map<String, Object> person, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(person);
    }

    /** A refusal with this code: a conflict's, an invalid value's or a rule's. */
    public static Matcher<Throwable> refusedAs(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof DomainException refused
                        && refused.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + code);
            }
        };
    }

    public static Matcher<Throwable> violates(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation && violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of " + rule.code());
            }
        };
    }

    private CommandFixtures() {
    }
}
