package vn.chuyenhoa.ruleset;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.kernel.DatabaseOutage;

/**
 * Health shows the version in force and any failed load. A failed load is DEGRADED, not DOWN: the service still
 * answers with the last good rules, and taking it out of rotation would help nobody. With several instances, each
 * says which one it is and which version the database has in force, the same as its own once it has followed. A
 * database it cannot reach is DOWN (readiness: out of rotation), said promptly rather than thrown as an error.
 */
@Component("ruleset")
class RulesetHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "serving the last good ruleset; the files on disk were rejected");

    private final ActiveRuleset active;
    private final DatabaseOutage outage;

    RulesetHealth(ActiveRuleset active, DatabaseOutage outage) {
        this.active = active;
        this.outage = outage;
    }

    @Override
    public Health health() {
        RulesetSnapshot s = active.snapshot();
        Health.Builder b = Health.up()
                .withDetail("instance", active.instance())
                .withDetail("version", s.versionId());
        try {
            b.withDetail("inForceInDatabase", active.inForceInDatabase().orElse(s.versionId()));
            outage.reachable();
        } catch (DataAccessException e) {
            outage.failed("readiness check of the ruleset", e);
            // the rules are in memory, but this instance cannot learn what another put in force, nor store a verdict
            // under them: DOWN, so readiness takes it out of rotation rather than answering with a 500
            return b.down().withDetail("database", "unreachable / không kết nối được: " + e.getMostSpecificCause()).build();
        }
        b.withDetail("origin", s.origin())
                .withDetail("loadedAt", s.loadedAt().toString());
        active.lastFailure().ifPresent(f -> b.status(DEGRADED)
                .withDetail("failedLoad", f));
        return b.build();
    }
}
