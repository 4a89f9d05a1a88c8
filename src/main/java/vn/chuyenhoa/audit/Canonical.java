package vn.chuyenhoa.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The canonical form of the audited rows and of the chain links: what the trail's hashes are taken over, identical
 * whether computed by the writer from the values it inserts or by the verifier from the rows it reads back.
 *
 * <h2>A row</h2>
 * The UTF-8 bytes of
 * <pre>
 * "chuyenhoa-row-v1" LF table LF field*        field = column ":" ( "-" | length "=" value ) LF
 * </pre>
 * with every column of {@link #TABLES} in the order listed there (all columns the application writes, none left
 * out), {@code "-"} for NULL, {@code length} the value's length in UTF-8 bytes in decimal (so no value can be
 * mistaken for a separator), and the value as text: a UUID in lower case ({@code 8-4-4-4-12}), a timestamp as the
 * UTC instant of {@link Instant#toString()} ({@code 2024-01-10T08:15:30.123456Z}, seconds and fraction only as far
 * as they are non-zero), a date as {@code YYYY-MM-DD}, a number in decimal, a boolean as {@code true}/{@code false},
 * bytes (a stored rule file, an evaluation's packed documents) as the lower-case hex SHA-256 of the bytes, text
 * (JSON included) exactly as stored.
 * A column added after rows were already chained is marked optional (a trailing {@code ?} in {@link #TABLES}): its
 * line is left out while the value is NULL, so a row written before the column existed hashes as it did, and a
 * value written into it later, changed or cleared changes the hash like any other column.
 * The row hash is the lower-case hex SHA-256 of those bytes.
 *
 * <h2>A batch</h2>
 * {@code entries}: one line per row, {@code table SP key SP rowHash}, joined by LF in insertion order, where the key
 * is the row's primary key, its columns joined by {@code "/"} ({@code evaluation.id},
 * {@code programme_transition.area_id "/" step}, {@code account.username}, {@code evaluation_batch.id}, {@code audit_restore.id}, …; see
 * {@link #TABLES});
 * {@code content_hash} = SHA-256(UTF-8(entries)); the link {@code hash} = SHA-256(UTF-8(
 * {@code "chuyenhoa-chain-v1" LF seq LF kind LF linked_at LF row_count LF content_hash LF prev_hash})).
 *
 * <h2>Rows that change</h2>
 * Most audited tables are append-only: a row is listed in exactly one batch. An account and a token are rows the
 * application updates (roles, provinces, enabled, password; revocation), so each change lists the row again, as it
 * is after the change, in a new batch, beside the {@code account_event} row that says what changed: the row as
 * stored must hash as its last listing does. Such tables are marked {@code mutable}.
 */
public final class Canonical {

    public static final String GENESIS = "0".repeat(64);

    public enum Type { UUID, TIMESTAMP, DATE, NUMBER, TEXT, BOOLEAN, BYTES }

    /** @param optional left out of the form while NULL: added after rows of its table were chained */
    public record Column(String name, Type type, boolean optional) {
    }

    /**
     * An audited table: its columns in canonical order and which of them make the key.
     *
     * @param mutable rows the application updates: each change lists the row again (see "Rows that change")
     */
    public record Table(String name, List<Column> columns, int[] keyColumns, boolean mutable) {

        String select() {
            return "SELECT " + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM " + name;
        }

        /**
         * The row with this key as it is stored now, read back inside the writer's transaction: what the verifier
         * will read, whatever the database did to the values on the way in (time precision, trimming).
         */
        public Entry stored(JdbcTemplate jdbc, Object... key) {
            if (key.length != keyColumns.length) {
                throw new IllegalArgumentException(name + " has a key of " + keyColumns.length + " columns");
            }
            String where = Arrays.stream(keyColumns).mapToObj(i -> columns.get(i).name() + " = ?")
                    .collect(Collectors.joining(" AND "));
            List<Entry> found = jdbc.query(select() + " WHERE " + where, (rs, n) -> entry(rs), key);
            if (found.size() != 1) {
                throw new IllegalStateException(name + " " + Arrays.toString(key) + ": " + found.size() + " rows");
            }
            return found.get(0);
        }

        String key(Object[] values) {
            return Arrays.stream(keyColumns).mapToObj(i -> text(columns.get(i).type(), values[i]))
                    .collect(Collectors.joining("/"));
        }

        /** One row as an entry, from the values in column order. */
        public Entry entry(Object... values) {
            return new Entry(name, key(values), sha256(form(values)));
        }

        /** The canonical form of one row, from the values in column order. */
        public String form(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(name + " has " + columns.size() + " columns, got " + values.length);
            }
            StringBuilder b = new StringBuilder(256).append("chuyenhoa-row-v1\n").append(name).append('\n');
            for (int i = 0; i < values.length; i++) {
                Column c = columns.get(i);
                String v = text(c.type(), values[i]);
                if (v == null && c.optional()) {
                    continue;
                }
                b.append(c.name()).append(':');
                if (v == null) {
                    b.append('-');
                } else {
                    b.append(utf8Length(v)).append('=').append(v);
                }
                b.append('\n');
            }
            return b.toString();
        }

        Entry entry(ResultSet rs) throws SQLException {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                Column c = columns.get(i);
                values[i] = switch (c.type()) {
                    case UUID -> rs.getObject(i + 1, UUID.class);
                    case TIMESTAMP -> rs.getObject(i + 1, OffsetDateTime.class);
                    case DATE -> rs.getObject(i + 1, LocalDate.class);
                    case NUMBER -> rs.getObject(i + 1) == null ? null : rs.getLong(i + 1);
                    case TEXT -> rs.getString(i + 1);
                    case BOOLEAN -> rs.getObject(i + 1) == null ? null : rs.getBoolean(i + 1);
                    case BYTES -> rs.getBytes(i + 1);
                };
            }
            return entry(values);
        }

        /** Every row of the table as it is now. */
        public void scan(JdbcTemplate jdbc, BiConsumer<String, Entry> each) {
            jdbc.query(select(), rs -> {
                Entry e = entry(rs);
                each.accept(e.table() + " " + e.key(), e);
            });
        }
    }

    /** One audited row: where it is and the hash of its canonical form. */
    public record Entry(String table, String key, String rowHash) {
        public String line() {
            return table + " " + key + " " + rowHash;
        }
    }

    public static final Table EVALUATION = table("evaluation", new int[] {0},
            "id:UUID", "evaluated_at:TIMESTAMP", "code_scheme", "area_code", "area_name", "province_code",
            "district_code", "profile_id", "verdict", "purpose", "period_from:DATE", "period_to:DATE",
            "ruleset_version", "request_json", "response_json", "fired_rules_json", "idempotency_key", "request_hash",
            "submitter", "supersedes:UUID", "supersede_reason", "packed_documents:BYTES?");
    public static final Table STATUS_EVENT = table("evaluation_status_event", new int[] {0},
            "evaluation_id:UUID", "kind", "event_at:TIMESTAMP", "reason", "actor", "superseded_by:UUID");
    public static final Table RULESET_ACTION = table("ruleset_action", new int[] {0},
            "seq:NUMBER", "action_at:TIMESTAMP", "actor", "action", "from_version", "to_version", "comment",
            "details_json");
    public static final Table PROGRAMME_AREA = table("programme_area", new int[] {0},
            "id:UUID", "code_scheme", "province_code", "programme_year:NUMBER", "area_code", "area_name",
            "district_code", "origin_id:UUID", "created_at:TIMESTAMP");
    public static final Table PROGRAMME_TRANSITION = table("programme_transition", new int[] {0, 1},
            "area_id:UUID", "step:NUMBER", "from_state", "to_state", "effective_date:DATE", "recorded_at:TIMESTAMP",
            "actor", "decision_number", "decision_date:DATE", "evaluation_id:UUID", "profile_id", "ruleset_version",
            "rule_name", "comment", "recorded_by?", "moved_code_scheme?", "moved_province_code?", "moved_area_code?",
            "moved_area_name?", "monitoring_report_id:UUID?");

    public static final Table SCREENING = table("screening", new int[] {0},
            "id:UUID", "screened_at:TIMESTAMP", "code_scheme", "province_code", "programme_year:NUMBER",
            "candidates:NUMBER", "ruleset_version", "request_json", "response_json", "submitter");
    public static final Table MONITORING_REPORT = table("monitoring_report", new int[] {0},
            "id:UUID", "reported_at:TIMESTAMP", "code_scheme", "area_code", "area_name", "province_code",
            "district_code", "profile_id", "recognised_on:DATE", "period_from:DATE", "period_to:DATE", "outcome",
            "ruleset_version", "request_json", "response_json", "submitter");
    /** The password's slow hash is in the form (a swapped hash is a forged sign-in), never a secret. */
    public static final Table ACCOUNT = mutable(table("account", new int[] {0},
            "username", "display_name", "password_hash", "roles", "national:BOOLEAN", "provinces", "enabled:BOOLEAN",
            "demo:BOOLEAN", "created_at:TIMESTAMP", "created_by"));
    /** A token is chained by the SHA-256 of its secret, which is all that is stored. */
    public static final Table API_TOKEN = mutable(table("api_token", new int[] {0},
            "id:UUID", "token_hash", "username", "label", "demo:BOOLEAN", "created_at:TIMESTAMP", "created_by",
            "revoked_at:TIMESTAMP", "revoked_by"));
    public static final Table ACCOUNT_EVENT = table("account_event", new int[] {0},
            "seq:NUMBER", "event_at:TIMESTAMP", "actor", "action", "username", "details");
    public static final Table RULESET_VERSION = table("ruleset_version", new int[] {0},
            "version_id", "stored_at:TIMESTAMP", "origin", "author", "comment", "based_on", "report_json");
    public static final Table RULESET_FILE = table("ruleset_file", new int[] {0, 1},
            "version_id", "ordinal:NUMBER", "path", "content:BYTES");
    public static final Table RULESET_LOAD_FAILURE = table("ruleset_load_failure", new int[] {0},
            "seq:NUMBER", "failed_at:TIMESTAMP", "version_id", "report_json");

    public static final Table AUDIT_RESTORE = table("audit_restore", new int[] {0},
            "id:UUID", "restored_at:TIMESTAMP", "restored_by", "backup", "backup_head_seq:NUMBER", "backup_head_hash",
            "backup_head_at:TIMESTAMP", "lost_head_seq:NUMBER", "lost_head_hash");

    public static final Table EVALUATION_BATCH = table("evaluation_batch", new int[] {0},
            "id:UUID", "submitted_at:TIMESTAMP", "ruleset_version", "item_count:NUMBER", "stored_count:NUMBER",
            "submitter", "idempotency_key", "request_hash", "response_json");

    /** Every audited table: a row of any of them that is in no batch was written behind the chain's back. */
    public static final List<Table> TABLES = List.of(EVALUATION, STATUS_EVENT, RULESET_ACTION, PROGRAMME_AREA,
            PROGRAMME_TRANSITION, SCREENING, MONITORING_REPORT, ACCOUNT, API_TOKEN, ACCOUNT_EVENT, RULESET_VERSION,
            RULESET_FILE, RULESET_LOAD_FAILURE, AUDIT_RESTORE, EVALUATION_BATCH);

    private Canonical() {
    }

    public static String entries(List<Entry> rows) {
        return rows.stream().map(Entry::line).collect(Collectors.joining("\n"));
    }

    static String linkHash(long seq, String kind, Instant linkedAt, int rowCount, String contentHash,
                                  String prevHash) {
        return sha256("chuyenhoa-chain-v1\n" + seq + "\n" + kind + "\n" + linkedAt + "\n" + rowCount + "\n"
                + contentHash + "\n" + prevHash);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Table table(String name, int[] key, String... columns) {
        List<Column> cs = Arrays.stream(columns).map(c -> {
            boolean optional = c.endsWith("?");
            String spec = optional ? c.substring(0, c.length() - 1) : c;
            int colon = spec.indexOf(':');
            return colon < 0 ? new Column(spec, Type.TEXT, optional)
                    : new Column(spec.substring(0, colon), Type.valueOf(spec.substring(colon + 1)), optional);
        }).toList();
        IntStream.of(key).forEach(cs::get);
        return new Table(name, cs, key, false);
    }

    private static Table mutable(Table t) {
        return new Table(t.name(), t.columns(), t.keyColumns(), true);
    }

    private static String text(Type type, Object v) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case UUID -> ((UUID) v).toString();
            case TIMESTAMP -> (v instanceof OffsetDateTime o ? o.toInstant() : (Instant) v).toString();
            case DATE -> ((LocalDate) v).toString();
            case NUMBER -> Long.toString(((Number) v).longValue());
            case TEXT -> (String) v;
            case BOOLEAN -> Boolean.toString((Boolean) v);
            case BYTES -> sha256((byte[]) v);
        };
    }

    // String.getBytes(UTF_8).length without copying a large JSON document
    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // an unpaired surrogate is encoded as '?', as String.getBytes(UTF_8) does
            } else {
                n += 3;
            }
        }
        return n;
    }
}
