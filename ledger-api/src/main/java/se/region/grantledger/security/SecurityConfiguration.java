package se.region.grantledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.region.grantledger.core.model.Role;
import se.region.grantledger.web.ProblemResponses;

import java.io.IOException;
import java.time.Clock;

import static se.region.grantledger.core.model.Role.ADMIN;
import static se.region.grantledger.core.model.Role.APPROVER;
import static se.region.grantledger.core.model.Role.AUDITOR;
import static se.region.grantledger.core.model.Role.CASE_OFFICER;
import static se.region.grantledger.core.model.Role.IMPORTER;
import static se.region.grantledger.core.model.Role.REPORTER;

/**
 * Who may call what. The table below is the whole authorisation matrix of the API; the four-eyes rules
 * (who may attest what) are not here but in the aggregates, so no entry point can bypass them.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String PROJECT = "/api/projects/*";
    private static final String BUSINESS_SUPPORT = "/api/business-supports/*";
    private static final String COMMERCIAL_SERVICE = "/api/commercial-service-grants/*";
    private static final String UNDERTAKING = "/api/undertakings/*";
    private static final String APPROPRIATION = "/api/appropriations/*/*";
    /** Who may read the books: everyone but operations. */
    private static final String[] READERS = {CASE_OFFICER.name(), APPROVER.name(), AUDITOR.name(), REPORTER.name()};
    /** Who may read event streams with their metadata (who did what): the people who work cases, and auditors. */
    private static final String[] TRAIL_READERS = {CASE_OFFICER.name(), APPROVER.name(), AUDITOR.name()};

    @Bean
    SecurityFilterChain api(HttpSecurity http, LedgerSecurityProperties properties, ObjectMapper json,
                            UserDetailsService users,
                            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints)
            throws Exception {
        AuthenticationEntryPoint signInFirst = (request, response, e) -> problem(response, json,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first",
                "this endpoint needs a signed-in user with a valid password or token");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(SecurityConfiguration::matrix)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signInFirst)
                        .accessDeniedHandler((request, response, e) -> denied(request, response, json, endpoints)));
        if (properties.mode() == LedgerSecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(signInFirst)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtRoles(properties))));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(signInFirst))
                    .authenticationManager(new ProviderManager(new RememberedSignIns(passwordCheck(users), Clock.systemUTC())));
        }
        return http.build();
    }

    /** Each of the given endings on the path of every kind of case. */
    private static String[] onEveryCase(String... endings) {
        return java.util.stream.Stream.of(PROJECT, BUSINESS_SUPPORT, COMMERCIAL_SERVICE)
                .flatMap(kind -> java.util.Arrays.stream(endings).map(ending -> kind + ending)).toArray(String[]::new);
    }

    private static void matrix(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                .requestMatchers("/actuator/**").hasRole(ADMIN.name())

                // What every kind of case shares (one lifecycle, docs/adr/0013): the same roles on each kind's path.
                .requestMatchers(HttpMethod.POST, onEveryCase("/payments", "/repayments"))
                .hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.POST, onEveryCase("/payments/*/attestation", "/recoveries", "/closure",
                        "/withdrawal")).hasRole(APPROVER.name())

                .requestMatchers(HttpMethod.POST, "/api/projects").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.POST, PROJECT + "/grant-decision/proposal").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.POST, PROJECT + "/grant-decision").hasRole(APPROVER.name())
                .requestMatchers(HttpMethod.POST, PROJECT + "/grant-amendments").hasRole(APPROVER.name())
                .requestMatchers(HttpMethod.POST, PROJECT + "/advances").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.POST, PROJECT + "/requisitions").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.POST, PROJECT + "/requisitions/*/approval").hasRole(APPROVER.name())
                .requestMatchers(HttpMethod.POST, PROJECT + "/requisitions/*/rejection").hasRole(APPROVER.name())

                .requestMatchers(HttpMethod.POST, "/api/business-supports").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.POST, BUSINESS_SUPPORT + "/decision").hasRole(APPROVER.name())
                .requestMatchers(HttpMethod.GET, BUSINESS_SUPPORT + "/events").hasAnyRole(TRAIL_READERS)
                .requestMatchers(HttpMethod.GET, "/api/business-supports", BUSINESS_SUPPORT).hasAnyRole(READERS)

                .requestMatchers(HttpMethod.POST, "/api/commercial-service-grants").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.POST, COMMERCIAL_SERVICE + "/decision").hasRole(APPROVER.name())
                .requestMatchers(HttpMethod.GET, COMMERCIAL_SERVICE + "/events").hasAnyRole(TRAIL_READERS)
                .requestMatchers(HttpMethod.GET, "/api/commercial-service-grants", COMMERCIAL_SERVICE).hasAnyRole(READERS)

                .requestMatchers(HttpMethod.PUT, APPROPRIATION).hasRole(APPROVER.name())
                .requestMatchers(HttpMethod.GET, APPROPRIATION + "/events").hasAnyRole(TRAIL_READERS)
                .requestMatchers(HttpMethod.GET, APPROPRIATION).hasAnyRole(READERS)

                .requestMatchers(HttpMethod.POST, "/api/undertakings", UNDERTAKING + "/companies",
                        UNDERTAKING + "/de-minimis").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.GET, UNDERTAKING + "/events").hasAnyRole(TRAIL_READERS)
                .requestMatchers(HttpMethod.GET, UNDERTAKING, UNDERTAKING + "/de-minimis").hasAnyRole(READERS)

                .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole(READERS)
                .requestMatchers(HttpMethod.GET, "/api/audit/verify", "/api/audit/export").hasRole(AUDITOR.name())
                .requestMatchers("/api/imports", "/api/imports/**").hasAnyRole(IMPORTER.name(), ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/admin/projections/rebuild").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/admin/projections").hasAnyRole(ADMIN.name(), AUDITOR.name())
                .requestMatchers(HttpMethod.POST, "/api/admin/dead-letters/*/retry", "/api/admin/dead-letters/*/skip")
                .hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/admin/dead-letters").hasAnyRole(ADMIN.name(), AUDITOR.name())

                .requestMatchers(HttpMethod.POST, "/api/exchange-rates").hasRole(CASE_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/exchange-rates", "/api/exchange-rates/**")
                .hasAnyRole(CASE_OFFICER.name(), APPROVER.name(), AUDITOR.name(), REPORTER.name())

                .requestMatchers(HttpMethod.GET, PROJECT + "/events")
                .hasAnyRole(CASE_OFFICER.name(), APPROVER.name(), AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/api/projects", PROJECT)
                .hasAnyRole(CASE_OFFICER.name(), APPROVER.name(), AUDITOR.name(), REPORTER.name())

                .anyRequest().denyAll();
    }

    @Bean
    UserDetailsService users(LedgerSecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        properties.users().forEach(user -> users.createUser(User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .build()));
        return users;
    }

    private AuthenticationProvider passwordCheck(UserDetailsService users) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder());
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Roles from the configured claim become ROLE_… authorities; the user's name from the username claim. */
    private static JwtAuthenticationConverter jwtRoles(LedgerSecurityProperties properties) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.jwt().rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(properties.jwt().usernameClaim());
        return converter;
    }

    /**
     * The matrix denies whatever it does not list, so a signed-in user's typo would read as "not allowed". Ask
     * the API's endpoints first (actuator endpoints have their own mapping and keep the plain 403): no such path is a 404, a known path with another method a 405, and only a real
     * endpoint the user's roles do not open is a 403.
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                               RequestMappingHandlerMapping endpoints) throws IOException {
        try {
            if (request.getRequestURI().startsWith("/api/") && endpoints.getHandler(request) == null) {
                problem(response, json, HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "no endpoint " + request.getRequestURI());
                return;
            }
        } catch (HttpRequestMethodNotSupportedException wrongMethod) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", wrongMethod.getSupportedMethods() == null
                    ? new String[0] : wrongMethod.getSupportedMethods()));
            problem(response, json, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    request.getMethod() + " is not offered on " + request.getRequestURI());
            return;
        } catch (Exception other) {
            // an endpoint exists but cannot take this request as sent; the roles decide first
        }
        problem(response, json, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "your roles do not allow "
                + request.getMethod() + " " + request.getRequestURI());
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
                                String title, String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"grant-ledger\"");
        }
        ProblemResponses.write(response, json, ProblemResponses.problem(status, type, title, detail));
    }
}
