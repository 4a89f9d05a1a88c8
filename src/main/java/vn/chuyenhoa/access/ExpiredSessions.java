package vn.chuyenhoa.access;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.kernel.DatabaseOutage;

/**
 * Deletes the sessions that expired, once a minute, as Spring Session's own schedule would (switched off:
 * {@code spring.session.jdbc.cleanup-cron=-}); that schedule logs a stack trace each minute the database is down,
 * where this tells {@link DatabaseOutage}.
 */
@Component
class ExpiredSessions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);

    private final JdbcIndexedSessionRepository sessions;
    private final DatabaseOutage outage;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    ExpiredSessions(JdbcIndexedSessionRepository sessions, DatabaseOutage outage) {
        this.sessions = sessions;
        this.outage = outage;
    }

    void cleanUp() {
        try {
            sessions.cleanUpExpiredSessions();
            outage.reachable();
        } catch (RuntimeException e) {
            // tried again in a minute; a dead timer would let expired sessions pile up
            if (!outage.failed("deleting expired sessions", e)) log.error("expired sessions not deleted", e);
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "expired-sessions");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::cleanUp, 1, 1, TimeUnit.MINUTES);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
