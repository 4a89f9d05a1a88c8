package vn.chuyenhoa.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;

/**
 * The append-only store of programme areas and their steps (V2__programme.sql). Nothing is ever updated or deleted:
 * a step is a new row, and two concurrent steps from the same state collide on the (area, step) key, so the second
 * one fails instead of silently forking the history.
 */
@Component
public class ProgrammeStore {

    private static final String AREA_COLUMNS = "a.id, a.code_scheme, a.province_code, a.programme_year, a.area_code,"
            + " a.area_name, a.district_code, a.origin_id, a.created_at";
    private static final String STEP_COLUMNS = "t.step, t.from_state, t.to_state, t.effective_date, t.recorded_at,"
            + " t.actor, t.decision_number, t.decision_date, t.evaluation_id, t.profile_id, t.ruleset_version,"
            + " t.rule_name, t.comment, t.recorded_by, t.moved_code_scheme, t.moved_province_code, t.moved_area_code,"
            + " t.moved_area_name, t.monitoring_report_id";
    private static final String INSERT_AREA = "INSERT INTO programme_area (id, code_scheme, province_code,"
            + " programme_year, area_code, area_name, district_code, origin_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STEP = "INSERT INTO programme_transition (area_id, step, from_state, to_state,"
            + " effective_date, recorded_at, actor, decision_number, decision_date, evaluation_id, profile_id,"
            + " ruleset_version, rule_name, comment, recorded_by, moved_code_scheme, moved_province_code, moved_area_code,"
            + " moved_area_name, monitoring_report_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Records reached through a REORGANISED step as well as by their own unit (V12). */
    private static final String MOVED = "a.id IN (SELECT m.area_id FROM programme_transition m WHERE m.to_state = 'REORGANISED'"
            + " AND m.moved_code_scheme = ? AND ";

    private final JdbcTemplate jdbc;
    private final AuditChain chain;

    ProgrammeStore(JdbcTemplate jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /** Stores a new record with its first step, both or neither, linked into the audit chain with them. */
    public void create(ProgrammeArea area) {
        chain.record(AuditChain.Kind.LIFECYCLE_STEP, links -> {
            jdbc.update(INSERT_AREA, area.id(), area.codeScheme(), area.provinceCode(), area.year(), area.areaCode(),
                    area.areaName(), area.districtCode(), area.originId(), utc(area.createdAt()));
            links.add(Canonical.PROGRAMME_AREA.entry(area.id(), area.codeScheme(), area.provinceCode(), area.year(),
                    area.areaCode(), area.areaName(), area.districtCode(), area.originId(), area.createdAt()));
            for (Step s : area.steps()) insert(area.id(), s, links);
            return null;
        });
    }

    /**
     * Appends the step, linked into the audit chain in the same transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another step took this number first
     */
    public void append(UUID areaId, Step step) {
        chain.record(AuditChain.Kind.LIFECYCLE_STEP, links -> {
            insert(areaId, step, links);
            return null;
        });
    }

    /**
     * The year's record of the area, by the code it was opened on or the one it was moved to; a record opened on the
     * code comes first (two old communes' records may have moved into one new commune: then the earlier one).
     */
    public Optional<ProgrammeArea> find(String codeScheme, String areaCode, int year) {
        List<ProgrammeArea> found = areas("a.programme_year = ? AND ((a.code_scheme = ? AND a.area_code = ?) OR "
                + MOVED + "m.moved_area_code = ?))", year, codeScheme, areaCode, codeScheme, areaCode);
        return found.stream().filter(a -> a.codeScheme().equals(codeScheme) && a.areaCode().equals(areaCode)).findFirst()
                .or(() -> found.stream().findFirst());
    }

    public Optional<ProgrammeArea> find(UUID id) {
        return areas("a.id = ?", id).stream().findFirst();
    }

    /** The later record that continues this one, if any. */
    public Optional<ProgrammeArea> continuation(UUID originId) {
        return areas("a.origin_id = ?", originId).stream().findFirst();
    }

    /** A province's records of the years, in year, then insertion order. */
    public List<ProgrammeArea> province(String codeScheme, String provinceCode, int fromYear, int toYear) {
        return areas("a.programme_year BETWEEN ? AND ? AND ((a.code_scheme = ? AND a.province_code = ?) OR "
                + MOVED + "m.moved_province_code = ?))", fromYear, toYear, codeScheme, provinceCode, codeScheme, provinceCode);
    }

    /** The records of an area, by any code it had, in every year: a monitoring report finds its area's record here. */
    public List<ProgrammeArea> ofArea(String codeScheme, String areaCode) {
        return areas("(a.code_scheme = ? AND a.area_code = ?) OR " + MOVED + "m.moved_area_code = ?)",
                codeScheme, areaCode, codeScheme, areaCode);
    }

    /**
     * The record whose standing step an evaluation justifies. Several records may have cited it, all but one by a
     * step since voided (ProgrammeArea#cites): two old communes' records that followed them into one new commune can
     * both cite its evaluations.
     */
    public Optional<ProgrammeArea> citing(UUID evaluationId) {
        return areas("a.id IN (SELECT area_id FROM programme_transition WHERE evaluation_id = ?)", evaluationId)
                .stream().filter(a -> a.cites(evaluationId)).findFirst();
    }

    /** A step's evaluation was taken, by the record named, after the service checked it and before the step's write. */
    static final class EvaluationTaken extends RuntimeException {
        private final UUID evaluationId;
        private final transient ProgrammeArea holder;

        EvaluationTaken(UUID evaluationId, ProgrammeArea holder) {
            super("evaluation " + evaluationId + " is cited by the record " + holder.id(), null, false, false);
            this.evaluationId = evaluationId;
            this.holder = holder;
        }

        UUID evaluationId() {
            return evaluationId;
        }

        ProgrammeArea holder() {
            return holder;
        }
    }

    public boolean isEmpty() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM programme_area", Integer.class);
        return n == null || n == 0;
    }

    private List<ProgrammeArea> areas(String where, Object... args) {
        Map<UUID, ProgrammeArea> heads = new LinkedHashMap<>();
        Map<UUID, List<Step>> steps = new LinkedHashMap<>();
        jdbc.query("SELECT " + AREA_COLUMNS + ", " + STEP_COLUMNS + " FROM programme_area a"
                + " JOIN programme_transition t ON t.area_id = a.id WHERE " + where
                + " ORDER BY a.programme_year, a.seq, t.step", rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    heads.computeIfAbsent(id, k -> head(rs));
                    steps.computeIfAbsent(id, k -> new ArrayList<>()).add(step(rs));
                }, args);
        List<ProgrammeArea> out = new ArrayList<>(heads.size());
        heads.forEach((id, h) -> out.add(new ProgrammeArea(h.id(), h.codeScheme(), h.provinceCode(), h.year(),
                h.areaCode(), h.areaName(), h.districtCode(), h.originId(), h.createdAt(), steps.get(id))));
        return out;
    }

    private static ProgrammeArea head(ResultSet rs) {
        try {
            return new ProgrammeArea(rs.getObject("id", UUID.class), rs.getString("code_scheme"),
                    rs.getString("province_code"), rs.getInt("programme_year"), rs.getString("area_code"),
                    rs.getString("area_name"), rs.getString("district_code"), rs.getObject("origin_id", UUID.class),
                    instant(rs, "created_at"), List.of());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Step step(ResultSet rs) throws SQLException {
        String from = rs.getString("from_state");
        return new Step(rs.getInt("step"), from == null ? null : AreaState.valueOf(from),
                AreaState.valueOf(rs.getString("to_state")), rs.getObject("effective_date", LocalDate.class),
                instant(rs, "recorded_at"), rs.getString("recorded_by"), rs.getString("actor"), rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class), rs.getObject("evaluation_id", UUID.class),
                rs.getString("profile_id"), rs.getString("ruleset_version"), rs.getString("rule_name"),
                rs.getString("comment"), moved(rs), rs.getObject("monitoring_report_id", UUID.class));
    }

    private static Unit moved(ResultSet rs) throws SQLException {
        String scheme = rs.getString("moved_code_scheme");
        return scheme == null ? null : new Unit(scheme, rs.getString("moved_province_code"), rs.getString("moved_area_code"),
                rs.getString("moved_area_name"), null);
    }

    /**
     * @throws EvaluationTaken when the step cites an evaluation that a standing step already cites: read again here,
     *                         under the chain's lock that every programme write holds until it commits, so that two
     *                         records' verdicts sent at once cannot both take it (the service's own check ran before)
     */
    private void insert(UUID areaId, Step s, AuditChain.Batch links) {
        if (s.evaluationId() != null) {
            citing(s.evaluationId()).ifPresent(holder -> {
                throw new EvaluationTaken(s.evaluationId(), holder);
            });
        }
        String from = s.from() == null ? null : s.from().name();
        Unit m = s.movedTo();
        jdbc.update(INSERT_STEP, areaId, s.step(), from, s.to().name(),
                s.effectiveDate(), utc(s.recordedAt()), s.actor(), s.decisionNumber(), s.decisionDate(),
                s.evaluationId(), s.profileId(), s.rulesetVersion(), s.rule(), s.comment(), s.recordedBy(),
                m == null ? null : m.codeScheme(), m == null ? null : m.provinceCode(), m == null ? null : m.areaCode(),
                m == null ? null : m.areaName(), s.monitoringReportId());
        links.add(Canonical.PROGRAMME_TRANSITION.entry(areaId, s.step(), from, s.to().name(), s.effectiveDate(),
                s.recordedAt(), s.actor(), s.decisionNumber(), s.decisionDate(), s.evaluationId(), s.profileId(),
                s.rulesetVersion(), s.rule(), s.comment(), s.recordedBy(), m == null ? null : m.codeScheme(),
                m == null ? null : m.provinceCode(), m == null ? null : m.areaCode(), m == null ? null : m.areaName(),
                s.monitoringReportId()));
    }

    // as the audit store does: instants through JDBC as UTC offset date-times, the mapping drivers agree on
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
