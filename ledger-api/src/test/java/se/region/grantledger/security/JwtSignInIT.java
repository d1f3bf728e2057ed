package se.region.grantledger.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.region.grantledger.GrantLedgerApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in: the service as an OAuth2 resource server, trusting tokens signed by the configured key,
 * with roles from the "roles" claim and the user from "preferred_username".
 */
class JwtSignInIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeyPair issuerKey;
    private static ConfigurableApplicationContext service;
    private static Path directory;
    private static String base;

    @BeforeAll
    static void startInJwtMode() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        issuerKey = generator.generateKeyPair();
        directory = Files.createTempDirectory("grant-ledger-jwt-");
        Path publicKey = directory.resolve("issuer.pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuerKey.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        service = new SpringApplicationBuilder(GrantLedgerApplication.class).run("--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + directory.resolve("postgres"),
                "--ledger.security.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static String token(KeyPair key, String user, String... roles) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("id-" + user).claim("preferred_username", user)
                .claim("roles", List.of(roles)).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static HttpResponse<String> call(String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedTokenWithTheRightRoleMayWriteAndItsUserIsRecorded() throws Exception {
        HttpResponse<String> registered = call("POST", "/api/projects", "Bearer " + token(issuerKey, "jwt-handlaggare", "CASE_OFFICER"), """
                {"diaryNumber":"RV-JWT-1","title":"T","owner":{"name":"Almi","organisationNumber":"556486-7678"},
                 "municipalities":["1980","1981","1982"],"kind":"PROJECT","goalArea":"x",
                 "period":{"start":"2025-04-01","end":"2028-03-31"}}""");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String recordedUser = service.getBean(JdbcTemplate.class).queryForObject(
                "SELECT meta_data ->> 'user' FROM event_log WHERE payload ->> 'diaryNumber' = 'RV-JWT-1'", String.class);
        assertThat(recordedUser).isEqualTo("jwt-handlaggare");
    }

    @Test
    void rolesComeFromTheRolesClaim() throws Exception {
        assertThat(call("GET", "/api/projects", "Bearer " + token(issuerKey, "jwt-rapport", "REPORTER"), null).statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/api/projects", "Bearer " + token(issuerKey, "jwt-rapport", "REPORTER"), "{}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTokenSignedByAnotherKeyOrNoTokenOrBasicIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair stranger = generator.generateKeyPair();
        assertThat(call("GET", "/api/projects", "Bearer " + token(stranger, "mallory", "AUDITOR"), null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/projects", null, null).statusCode()).isEqualTo(401);
        String basic = "Basic " + Base64.getEncoder().encodeToString("revisor:revisor-demo".getBytes());
        assertThat(call("GET", "/api/projects", basic, null).statusCode()).isEqualTo(401);
    }
}
