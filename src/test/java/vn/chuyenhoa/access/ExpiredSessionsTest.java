package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chuyenhoa.support.RunningServer;

/**
 * Expired sessions are deleted by the service's own schedule, Spring Session's being off (so that an outage of the
 * database is told once, not as a stack trace each minute): an expired one goes, a live one stays.
 */
@RunningServer
class ExpiredSessionsTest {

    @Autowired
    ExpiredSessions expiredSessions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExpiredSessionIsDeletedALiveOneKept() {
        long now = System.currentTimeMillis();
        String expired = session(now - 3_600_000, now - 1_000), live = session(now, now + 1_800_000);
        expiredSessions.cleanUp();
        assertEquals(0, count(expired));
        assertEquals(1, count(live));
    }

    private String session(long lastAccess, long expiry) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,"
                + " MAX_INACTIVE_INTERVAL, EXPIRY_TIME) VALUES (?, ?, ?, ?, 1800, ?)", id, UUID.randomUUID().toString(),
                lastAccess, lastAccess, expiry);
        return id;
    }

    private int count(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRIMARY_ID = ?", Integer.class, id);
    }
}
