package vn.chuyenhoa.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants go through JDBC as UTC offset date-times, the one mapping drivers agree on for TIMESTAMP WITH TIME ZONE.
 *
 * <p>A stored instant is kept to the microsecond: PostgreSQL keeps no finer (and rounds what it is given), while the
 * clock and H2 go to the nanosecond. An audited row is hashed from the values its writer inserts and verified from
 * the values read back, so every instant is cut to the microsecond before it is both hashed and stored
 * ({@link #stored}, {@link #now}), and the chain verifies on either database.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** The instant as either database keeps it. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Now, as either database keeps it. */
    public static Instant now() {
        return stored(Instant.now());
    }

    /**
     * The first instant either database can hold at or after {@code instant}: a bound of a search over stored
     * instants selects the same rows, whether or not the bound had nanoseconds.
     */
    public static Instant storedCeiling(Instant instant) {
        Instant down = stored(instant);
        return down.equals(instant) ? down : down.plus(1, ChronoUnit.MICROS);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
