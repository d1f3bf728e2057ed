package se.region.grantledger.core.rules;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue says where each rule is checked; this holds it to that, so a reader can follow it there. */
class RuleCatalogueTest {

    @Test
    void everyRuleIsCheckedByTheMethodOfItsNameInItsPolicy() {
        List<String> missing = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            String method = camelCase(rule.code());
            boolean found = Arrays.stream(rule.policy().getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(method) && Modifier.isPublic(m.getModifiers())
                            && Modifier.isStatic(m.getModifiers()));
            if (!found) {
                missing.add(rule.policy().getSimpleName() + "." + method + " for " + rule.code());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void thePoliciesAreTheFeaturesOfTheCatalogue() {
        List<String> policies = Stream.of(Rule.values()).map(rule -> rule.policy().getSimpleName()).distinct().toList();
        assertThat(policies).containsExactlyInAnyOrder("CasePolicy", "ProjectPolicy", "SupportPolicy", "FramePolicy",
                "DeMinimisPolicy", "RequestPolicy");
        for (Rule rule : Rule.values()) {
            assertThat(rule.policy().getPackageName()).isEqualTo(Rule.class.getPackageName());
            assertThat(Modifier.isFinal(rule.policy().getModifiers())).as(rule.policy() + " is a holder of checks").isTrue();
        }
    }

    @Test
    void codesAreUniqueAcrossRulesAndConflictsAndShapedForAUrn() {
        List<String> codes = new ArrayList<>();
        Stream.of(Rule.values()).map(Rule::code).forEach(codes::add);
        Stream.of(Conflict.values()).map(Conflict::code).forEach(codes::add);
        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
        Stream.of(Rule.values()).forEach(rule -> assertThat(rule.code())
                .isEqualTo(rule.name().toLowerCase().replace('_', '-')));
        Stream.of(Conflict.values()).forEach(conflict -> assertThat(conflict.code())
                .isEqualTo(conflict.name().toLowerCase().replace('_', '-')));
    }

    static String camelCase(String code) {
        String[] words = code.split("-");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
