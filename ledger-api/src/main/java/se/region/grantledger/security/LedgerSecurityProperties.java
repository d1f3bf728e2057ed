package se.region.grantledger.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import se.region.grantledger.core.model.Role;

import java.util.List;
import java.util.Set;

/**
 * How users sign in: {@code basic} with the configured users (bcrypt hashes), or {@code jwt} as an OAuth2
 * resource server taking the roles from a claim.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(Mode mode, List<User> users, Jwt jwt) {

    public enum Mode { BASIC, JWT }

    public record User(String username, String passwordHash, Set<Role> roles) {
    }

    public record Jwt(String rolesClaim, String usernameClaim) {
    }

    public LedgerSecurityProperties {
        mode = mode == null ? Mode.BASIC : mode;
        users = users == null ? List.of() : users;
        jwt = jwt == null ? new Jwt("roles", "preferred_username") : jwt;
    }
}
