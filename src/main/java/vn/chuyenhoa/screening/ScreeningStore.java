package vn.chuyenhoa.screening;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;

/**
 * The append-only store of screenings: request, response and ruleset version. A screening is rare (a province a
 * year), so each is one insert linked into the audit chain on its own; the evaluation store's group commit would buy
 * nothing here.
 */
@Component
class ScreeningStore {

    private final JdbcTemplate jdbc;
    private final AuditChain chain;

    ScreeningStore(JdbcTemplate jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    public record Row(UUID id, Instant screenedAt, String codeScheme, String provinceCode, int year, int candidates,
                      String rulesetVersion, String requestJson, String responseJson, String submitter) {}

    public void save(Row r) {
        chain.record(AuditChain.Kind.SCREENING, links -> {
            insert(r);
            links.add(Canonical.SCREENING.stored(jdbc, r.id()));
            return null;
        });
    }

    private void insert(Row r) {
        jdbc.update("INSERT INTO screening (id, screened_at, code_scheme, province_code, programme_year, candidates,"
                        + " ruleset_version, request_json, response_json, submitter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.screenedAt().atOffset(ZoneOffset.UTC), r.codeScheme(), r.provinceCode(), r.year(),
                r.candidates(), r.rulesetVersion(), r.requestJson(), r.responseJson(), r.submitter());
    }

    /** Who asked for a stored screening; empty for none stored, or one stored before submitters were recorded. */
    public Optional<String> findSubmitter(UUID id) {
        return jdbc.query("SELECT submitter FROM screening WHERE id = ?", (rs, n) -> rs.getString(1), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public Optional<String> findResponseJson(UUID id) {
        return jdbc.query("SELECT response_json FROM screening WHERE id = ?", (rs, n) -> rs.getString(1), id)
                .stream().findFirst();
    }

    /** What the auditors' list shows of a stored screening. */
    public record Listed(UUID id, Instant screenedAt, String codeScheme, String provinceCode, int year, int candidates,
                         String submitter) {}

    /** The latest stored screenings, newest first (a page shows at most {@code limit}). */
    public java.util.List<Listed> recent(int limit) {
        return jdbc.query("SELECT id, screened_at, code_scheme, province_code, programme_year, candidates, submitter"
                        + " FROM screening ORDER BY screened_at DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7)));
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM screening", Long.class);
        return n == null ? 0 : n;
    }
}
