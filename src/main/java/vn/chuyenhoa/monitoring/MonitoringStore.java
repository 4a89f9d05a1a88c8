package vn.chuyenhoa.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;

/**
 * The append-only store of monitoring reports. The lifecycle reads them back when a recorded decision cites one, so
 * the area, profile, recognition and outcome are columns; the document itself is kept as text, byte for byte. Each
 * report is linked into the audit chain as it is stored.
 */
@Component
public class MonitoringStore {

    private final JdbcTemplate jdbc;
    private final AuditChain chain;

    MonitoringStore(JdbcTemplate jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    public record Row(UUID id, Instant reportedAt, String codeScheme, String areaCode, String areaName,
                      String provinceCode, String districtCode, String profileId, LocalDate recognisedOn,
                      LocalDate periodFrom, LocalDate periodTo, String outcome, String rulesetVersion,
                      String requestJson, String responseJson, String submitter) {}

    public void save(Row r) {
        chain.record(AuditChain.Kind.MONITORING_REPORT, links -> {
            insert(r);
            links.add(Canonical.MONITORING_REPORT.stored(jdbc, r.id()));
            return null;
        });
    }

    private void insert(Row r) {
        jdbc.update("INSERT INTO monitoring_report (id, reported_at, code_scheme, area_code, area_name, province_code,"
                        + " district_code, profile_id, recognised_on, period_from, period_to, outcome, ruleset_version,"
                        + " request_json, response_json, submitter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.reportedAt().atOffset(ZoneOffset.UTC), r.codeScheme(), r.areaCode(), r.areaName(),
                r.provinceCode(), r.districtCode(), r.profileId(), r.recognisedOn(), r.periodFrom(), r.periodTo(),
                r.outcome(), r.rulesetVersion(), r.requestJson(), r.responseJson(), r.submitter());
    }

    /** Who sent a stored report; empty for none stored, or one stored before submitters were recorded. */
    public Optional<String> findSubmitter(UUID id) {
        return jdbc.query("SELECT submitter FROM monitoring_report WHERE id = ?", (rs, n) -> rs.getString(1), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public Optional<String> findResponseJson(UUID id) {
        return jdbc.query("SELECT response_json FROM monitoring_report WHERE id = ?", (rs, n) -> rs.getString(1), id)
                .stream().findFirst();
    }

    /** What a lifecycle step and the area's page need of a stored report: whose, which period, what it found. */
    public record Summary(UUID id, Instant reportedAt, String codeScheme, String areaCode, String areaName,
                          LocalDate recognisedOn, LocalDate periodFrom, LocalDate periodTo, String outcome) {}

    private static final String SUMMARY = "SELECT id, reported_at, code_scheme, area_code, area_name, recognised_on,"
            + " period_from, period_to, outcome FROM monitoring_report ";

    public Optional<Summary> find(UUID id) {
        return jdbc.query(SUMMARY + "WHERE id = ?", MonitoringStore::summary, id).stream().findFirst();
    }

    /** The reports of an area (by one code of it), newest period first. */
    public java.util.List<Summary> ofArea(String codeScheme, String areaCode) {
        return jdbc.query(SUMMARY + "WHERE code_scheme = ? AND area_code = ? ORDER BY period_to DESC, seq DESC",
                MonitoringStore::summary, codeScheme, areaCode);
    }

    /** The latest stored reports, newest first, for the auditors' list (a page shows at most {@code limit}). */
    public java.util.List<Summary> recent(int limit) {
        return jdbc.query(SUMMARY + "ORDER BY reported_at DESC, seq DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                MonitoringStore::summary);
    }

    private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Summary(rs.getObject("id", UUID.class),
                rs.getObject("reported_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("code_scheme"),
                rs.getString("area_code"), rs.getString("area_name"), rs.getObject("recognised_on", LocalDate.class),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("outcome"));
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM monitoring_report", Long.class);
        return n == null ? 0 : n;
    }
}
