package se.region.grantledger.core.model;

import org.axonframework.messaging.MetaData;
import se.region.grantledger.core.rules.NotAllowed;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in person behind a command, as the command's metadata names them. The REST layer only passes the
 * identity on; the aggregates read it from here to apply the four-eyes rules, so no other entry point can
 * skip them. A command without a user is refused.
 */
public record Actor(String user, Set<String> roles) {

    /** Metadata keys; they are copied onto every event the command causes. */
    public static final String USER = "user";
    public static final String ROLES = "roles";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** Where an imported fact came from (docs/import.md): the import, its file, the sheet and the row. */
    public static final String IMPORT_ID = "importId";
    public static final String IMPORT_FILE = "importFile";
    public static final String IMPORT_SHEET = "importSheet";
    public static final String IMPORT_ROW = "importRow";
    public static final List<String> METADATA_KEYS = List.of(USER, ROLES, CORRELATION_ID, REQUEST_ID, CLIENT_ADDRESS,
            IMPORT_ID, IMPORT_FILE, IMPORT_SHEET, IMPORT_ROW);

    public static Actor from(MetaData metaData) {
        Object user = metaData.get(USER);
        if (!(user instanceof String name) || name.isBlank()) {
            throw new NotAllowed("unknown-user", "the command names no signed-in user");
        }
        Set<String> roles = new TreeSet<>();
        if (metaData.get(ROLES) instanceof Collection<?> given) {
            given.forEach(role -> roles.add(String.valueOf(role)));
        }
        return new Actor(name, Set.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role.name());
    }
}
