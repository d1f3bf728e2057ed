package se.region.grantledger.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedSignInsTest {

    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            passwordChecks.incrementAndGet();
            if (!"right".equals(attempt.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    private static Authentication attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("anna", password);
    }

    @Test
    void aSuccessfulSignInIsRememberedForFiveMinutes() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        RememberedSignIns signIns = new RememberedSignIns(bcrypt, Clock.fixed(start, ZoneOffset.UTC));
        signIns.authenticate(attempt("right"));
        signIns.authenticate(attempt("right"));
        assertThat(passwordChecks).hasValue(1);

        RememberedSignIns later = new RememberedSignIns(bcrypt, Clock.fixed(start.plusSeconds(301), ZoneOffset.UTC));
        later.authenticate(attempt("right"));
        assertThat(passwordChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        RememberedSignIns signIns = new RememberedSignIns(bcrypt, Clock.systemUTC());
        signIns.authenticate(attempt("right"));
        assertThatThrownBy(() -> signIns.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIns.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(passwordChecks).hasValue(3);
    }
}
