package vn.chuyenhoa.http;

import java.util.Optional;
import java.util.UUID;

/** Identifiers in addresses: a stored thing's id is a UUID in its canonical form, or no id at all (404, not 400/500). */
public final class Ids {

    private Ids() {}

    public static Optional<UUID> uuid(String id) {
        if (id == null) return Optional.empty();
        try {
            UUID u = UUID.fromString(id);
            // UUID.fromString also takes short groups ("1-1-1-1-1"); only the canonical form names something stored
            return u.toString().equalsIgnoreCase(id) ? Optional.of(u) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
