package se.region.grantledger.infrastructure.postgres;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external server is configured ({@code POSTGRES_URL} unset or blank): the embedded one starts. */
class NoExternalPostgres implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("POSTGRES_URL");
        return url == null || url.isBlank();
    }
}
