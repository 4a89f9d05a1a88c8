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

    public MonitoringStore(JdbcTemplate jdbc, AuditChain chain) {
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

    /** The recommendation of a stored report, for a decision that cites it. */
    public Optional<RelapseVerdict> findOutcome(UUID id) {
        return jdbc.query("SELECT outcome FROM monitoring_report WHERE id = ?",
                (rs, n) -> RelapseVerdict.valueOf(rs.getString(1)), id).stream().findFirst();
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM monitoring_report", Long.class);
        return n == null ? 0 : n;
    }
}
