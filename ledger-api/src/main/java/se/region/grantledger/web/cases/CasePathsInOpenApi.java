package se.region.grantledger.web.cases;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/**
 * The shared writes are one controller method for every kind of case ({@code /api/{kind}/{caseId}/payments});
 * a client reads them in the OpenAPI document as each kind's own paths ({@code /api/projects/{caseId}/payments},
 * {@code /api/business-supports/{caseId}/payments}, …), which are the URLs it calls.
 */
@Configuration(proxyBeanMethods = false)
class CasePathsInOpenApi {

    private static final String KIND = "{kind}";

    @Bean
    OpenApiCustomizer onePathPerKindOfCase() {
        return api -> {
            Paths expanded = new Paths();
            api.getPaths().forEach((path, item) -> {
                if (!path.contains(KIND)) {
                    expanded.addPathItem(path, item);
                    return;
                }
                Arrays.stream(CaseKind.values()).forEach(kind ->
                        expanded.addPathItem(path.replace(KIND, kind.segment()), forKind(item, kind)));
            });
            api.setPaths(expanded);
        };
    }

    private static PathItem forKind(PathItem shared, CaseKind kind) {
        PathItem copy = Json.mapper().convertValue(shared, PathItem.class);
        copy.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().removeIf(parameter -> "kind".equals(parameter.getName()));
            }
            if (operation.getOperationId() != null) {
                operation.setOperationId(operation.getOperationId() + "_" + kind.name().toLowerCase());
            }
        });
        return copy;
    }
}
