package se.region.grantledger.web.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.projections.support.SupportCaseRow;
import se.region.grantledger.web.cases.CaseAnswers;

import java.util.function.Function;

/** The shared writes of business support and commercial service answer with each kind's own view. */
@Configuration(proxyBeanMethods = false)
class SupportAnswers {

    @Bean
    CaseAnswers businessSupportAnswers(SupportCaseAnswers answers) {
        return answersOf(SupportType.BUSINESS_SUPPORT, answers, SupportViews.BusinessSupportView::of);
    }

    @Bean
    CaseAnswers commercialServiceAnswers(SupportCaseAnswers answers) {
        return answersOf(SupportType.COMMERCIAL_SERVICE, answers, SupportViews.CommercialServiceView::of);
    }

    private static <V> CaseAnswers answersOf(SupportType type, SupportCaseAnswers answers,
                                             Function<SupportCaseRow, V> view) {
        return new CaseAnswers() {
            @Override
            public SupportType type() {
                return type;
            }

            @Override
            public ResponseEntity<?> view(String caseId) {
                return answers.view(type, caseId, view);
            }

            @Override
            public ResponseEntity<?> viewWithLimits(String caseId) {
                return answers.viewWithLimits(type, caseId, view);
            }

            @Override
            public ResponseEntity<?> created(String caseId, String id) {
                return answers.created(type, caseId, id, view);
            }
        };
    }
}
