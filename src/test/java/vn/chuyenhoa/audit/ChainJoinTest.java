package vn.chuyenhoa.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A database whose chain began before screenings, accounts and the other records joined it (V5–V8): on the first
 * start after V9 their rows become one BASELINE batch after the existing chain, the chained tables are not listed
 * again, and from then on a screening or account row rewritten behind the application's back is found.
 */
class ChainJoinTest {

    @TempDir
    Path dir;

    @Test
    void rowsOfTablesThatJoinTheChainAreLinkedOnceAsABaselineAfterTheExistingChain() {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:h2:mem:join-" + UUID.randomUUID());
            Flyway.configure().dataSource(ds).target("6").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);

            // before V9: a ruleset action linked as batch 1, and a screening and an account outside any chain
            jdbc.update("INSERT INTO ruleset_action (action_at, actor, action, to_version) VALUES (?, 'he-thong', 'SEEDED', 'v1')",
                    Instant.parse("2025-01-02T03:04:05Z").atOffset(ZoneOffset.UTC));
            long action = jdbc.queryForObject("SELECT MAX(seq) FROM ruleset_action", Long.class);
            Canonical.Entry entry = Canonical.RULESET_ACTION.stored(jdbc, action);
            String entries = Canonical.entries(List.of(entry));
            Instant at = Instant.parse("2025-01-02T03:04:06Z");
            String content = Canonical.sha256(entries);
            jdbc.update("INSERT INTO audit_chain (seq, kind, linked_at, row_count, entries, content_hash, prev_hash, hash)"
                    + " VALUES (1, 'RULESET_ACTION', ?, 1, ?, ?, ?, ?)", at.atOffset(ZoneOffset.UTC), entries, content,
                    Canonical.GENESIS, Canonical.linkHash(1, "RULESET_ACTION", at, 1, content, Canonical.GENESIS));
            UUID screening = UUID.randomUUID();
            jdbc.update("INSERT INTO screening (id, screened_at, code_scheme, province_code, programme_year, candidates,"
                    + " ruleset_version, request_json, response_json, submitter) VALUES (?, ?, 'QD124_2004', '38', 2024, 3,"
                    + " 'v1', '{}', '{}', 'canbo')", screening, Instant.now().atOffset(ZoneOffset.UTC));
            jdbc.update("INSERT INTO account (username, display_name, password_hash, roles, national, provinces, enabled,"
                    + " demo, created_at, created_by) VALUES ('canbo', 'Cán bộ', NULL, 'PROGRAMME_OFFICER', FALSE,"
                    + " 'QD124_2004:38', TRUE, FALSE, ?, 'seed')", Instant.now().atOffset(ZoneOffset.UTC));

            Flyway.configure().dataSource(ds).load().migrate();
            AuditChain chain = new AuditChain(jdbc, new DataSourceTransactionManager(ds));
            AuditChain.Head head = chain.head();
            ChainVerifier verifier = new ChainVerifier(jdbc, new HeadFile(chain, dir.resolve("heads.log"), Duration.ofSeconds(10)));

            assertEquals(2, head.seq(), "the joining rows are one batch after the existing one");
            assertEquals("BASELINE", jdbc.queryForObject("SELECT kind FROM audit_chain WHERE seq = 2", String.class));
            String baseline = jdbc.queryForObject("SELECT entries FROM audit_chain WHERE seq = 2", String.class);
            assertTrue(baseline.contains("screening " + screening + " ") && baseline.contains("account canbo "), baseline);
            assertFalse(baseline.contains("ruleset_action"), "a table chained already is not listed again: " + baseline);
            assertEquals(Canonical.TABLES.size(), jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain_table", Integer.class));
            ChainVerifier.Report intact = verifier.verify();
            assertTrue(intact.intact(), intact::toString);
            assertEquals(3, intact.rowsChecked());

            // a later start adopts nothing more
            assertEquals(2, new AuditChain(jdbc, new DataSourceTransactionManager(ds)).head().seq());

            jdbc.update("UPDATE account SET provinces = 'QD124_2004:38,QD124_2004:11' WHERE username = 'canbo'");
            ChainVerifier.Report broken = verifier.verify();
            assertFalse(broken.intact());
            assertEquals("ROW_ALTERED", broken.firstBreak().problem());
            assertEquals("account", broken.firstBreak().table());
            assertEquals(2L, broken.firstBreak().seq());
        }
    }
}
