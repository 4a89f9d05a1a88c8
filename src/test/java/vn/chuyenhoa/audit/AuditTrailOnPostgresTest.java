package vn.chuyenhoa.audit;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chuyenhoa.support.OnPostgres;

/** The trail's tests through the running server again, on PostgreSQL with the postgres profile. */
@ActiveProfiles("postgres")
@DirtiesContext
class AuditTrailOnPostgresTest extends AuditTrailApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.register(registry);
    }
}
