package se.region.grantledger.security;

import se.region.grantledger.infrastructure.Sha256;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash costs about 85 ms here: more than
 * the whole write it guards. This provider remembers a successful sign-in for a few minutes, keyed by the user
 * name and a SHA-256 of the password salted with a random value made at start-up, so bcrypt runs once per user
 * per interval. Nothing that could reveal a password is kept, and a wrong password is never remembered.
 */
class RememberedSignIns implements AuthenticationProvider {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 1_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Authentication authentication, Instant until) {
    }

    RememberedSignIns(AuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String key = key(attempt.getName(), String.valueOf(attempt.getCredentials()));
        Instant now = clock.instant();
        Remembered known = remembered.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.authentication();
        }
        Authentication authenticated = delegate.authenticate(attempt);
        if (authenticated != null && authenticated.isAuthenticated()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(authenticated, now.plus(REMEMBER_FOR)));
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String key(String user, String password) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update(salt);
        sha256.update(user.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        return user + ":" + Sha256.hex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
    }
}
