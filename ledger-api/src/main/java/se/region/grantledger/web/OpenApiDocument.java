package se.region.grantledger.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The OpenAPI document a client can use: a title and version, both ways of signing in (so Swagger UI can
 * authorize), and on every operation the refusals it can really answer, each an RFC 9457 problem.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> WRITE_REFUSALS = Map.of(
            "400", "Malformed input: the fields and what is wrong with each",
            "404", "No such case, frame or undertaking",
            "409", "The case's state does not allow this (the conflict's code says why)",
            "412", "If-Match names a version the case has moved past",
            "413", "The body is over 1 MiB",
            "415", "The body is not application/json",
            "422", "A funding rule refuses it: the rule and the figures",
            "503", "The database cannot be reached, or the ledger is busy; nothing was stored (Retry-After)");
    private static final Map<String, String> READ_REFUSALS = Map.of(
            "400", "A malformed parameter",
            "404", "No such case, frame or undertaking",
            "503", "The database cannot be reached, or projections are being rebuilt (Retry-After)");

    @Bean
    OpenAPI ledgerApi(@Value("${ledger.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("grant-ledger").version(version)
                        .description("The region's ledger of grants, payments and co-financing. Every refusal is an"
                                + " RFC 9457 problem (application/problem+json) with a stable type URN."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OpenApiCustomizer refusalsOnEveryOperation() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (write && method == PathItem.HttpMethod.POST && responses.containsKey("200")
                    && !path.endsWith("/retry") && !path.endsWith("/skip") && !path.endsWith("/rebuild")) {
                responses.addApiResponse("201", new ApiResponse().description("Recorded; Location names what was made"));
            }
            responses.addApiResponse("401", problem("Not signed in, or a wrong password or token"));
            responses.addApiResponse("403", problem("The user's roles do not allow this"));
            (write ? WRITE_REFUSALS : READ_REFUSALS).forEach((code, text) -> responses.addApiResponse(code, problem(text)));
            operation.setResponses(responses);
        }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:grant-ledger:rule:payment-within-payable"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema().description("the funding rule broken (422)"))
                .addProperty("figures", new ObjectSchema().description("the numbers involved"))
                .addProperty("errors", new Schema<>().type("array").description("offending fields (400)"));
    }
}
