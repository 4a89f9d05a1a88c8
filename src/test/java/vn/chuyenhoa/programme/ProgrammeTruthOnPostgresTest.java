package vn.chuyenhoa.programme;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.chuyenhoa.support.OnPostgres;

/**
 * Issue 15 (4) again on PostgreSQL with the postgres profile: V17's twin (the report a relapse cites, the new steps,
 * the evaluation key made an index) and the chain over the steps that drop and correct.
 */
@ActiveProfiles("postgres")
@DirtiesContext
class ProgrammeTruthOnPostgresTest extends ProgrammeTruthTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.register(registry);
    }
}
