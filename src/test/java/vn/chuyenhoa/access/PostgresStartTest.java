package vn.chuyenhoa.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.chuyenhoa.ChuyenhoaApplication;
import vn.chuyenhoa.ruleset.ActiveRuleset;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.support.Database;

/**
 * The postgres profile as an operator starts it, on a real PostgreSQL: its own migrations, never the published demo
 * accounts unless asked for, and like prod no start without an administrator.
 */
class PostgresStartTest {

    @TempDir
    Path dir;

    ConfigurableApplicationContext start(Database.Empty db, String profiles, String... more) {
        List<String> args = new ArrayList<>(List.of(db.springArguments(profiles)));
        args.addAll(List.of("--server.port=0", "--chuyenhoa.warmup.evaluations=0", "--chuyenhoa.ruleset.watch=false",
                "--chuyenhoa.audit.head-file=" + dir.resolve("heads.log")));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ChuyenhoaApplication.class).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    @Test
    void postgresAloneCreatesNoDemoAccountAndRefusesToStartWithoutAnAdministrator() throws Exception {
        try (Database.Empty db = Database.POSTGRESQL.empty()) {
            Exception e = assertThrows(Exception.class, () -> start(db, "").close());
            assertTrue(ProductionStartTest.messages(e).contains("No administrator account"),
                    () -> ProductionStartTest.messages(e));
            try (Connection c = DriverManager.getConnection(db.url())) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
                assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class), "no demo account");
                assertTrue(jdbc.queryForList("SELECT script FROM flyway_schema_history", String.class)
                        .contains("V6__access.sql"), "migrated from db/postgresql");
            }
        }
    }

    @Test
    void theDemoAccountsOnlyWhenAskedForExplicitly() {
        try (Database.Empty db = Database.POSTGRESQL.empty();
             ConfigurableApplicationContext app = start(db, "",
                     "--chuyenhoa.access.seed=classpath:access/demo-accounts.csv")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertTrue(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE demo", Integer.class) > 0);
            // like prod, the postgres profile alone names no rules folder: not the working directory, wherever that is
            assertTrue(app.getBean(ActiveRuleset.class).root().isEmpty(), "no rules folder with the postgres profile");
        }
    }

    /** Also: prod names no rules folder, so the version in force is the one bundled in the jar, the project's files. */
    @Test
    void prodOnPostgresStartsWithABootstrapAdministratorAndTheBundledRules() {
        try (Database.Empty db = Database.POSTGRESQL.empty();
             ConfigurableApplicationContext app = start(db, "prod", "--chuyenhoa.access.bootstrap-admin=admin1",
                     "--CHUYENHOA_ADMIN_PASSWORD=" + ProductionStartTest.PASSWORD)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertEquals(List.of("admin1"), jdbc.queryForList("SELECT username FROM account", String.class));
            assertTrue(jdbc.queryForObject("SELECT version()", String.class).startsWith("PostgreSQL"));
            ActiveRuleset ruleset = app.getBean(ActiveRuleset.class);
            assertTrue(ruleset.root().isEmpty(), "no rules folder in prod");
            assertEquals(RuleFiles.versionId(RuleFiles.read(Path.of(""), List.of("rules", "decision-tables"))),
                    ruleset.versionId(), "the jar's copy of rules/ and decision-tables/ is in force");
        }
    }
}
