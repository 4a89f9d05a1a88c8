package vn.chuyenhoa.operations;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.kernel.DatabaseOutage;

/**
 * Readiness's {@code db}: Spring Boot's check of the database (a valid connection), in place of Boot's own bean of the
 * same name, which logs a stack trace per probe while the database is down, i.e. every few seconds from a load
 * balancer. The outage is told by {@link DatabaseOutage} instead, and a probe that succeeds tells it the database is
 * back even when no request comes.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends DataSourceHealthIndicator {

    private final DatabaseOutage outage;

    DatabaseHealth(DataSource dataSource, DatabaseOutage outage) {
        super(dataSource);
        this.outage = outage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try {
            super.doHealthCheck(builder);
            // a pooled connection that is no longer valid is DOWN without an exception: not a sign the database is back
            if (Status.UP.equals(builder.build().getStatus())) outage.reachable();
        } catch (Exception e) {
            if (!outage.failed("readiness check of the database", e)) throw e;
            // the same detail as Boot's down(e), without the exception, which Boot would log with its stack trace
            builder.down().withDetail("error", e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
