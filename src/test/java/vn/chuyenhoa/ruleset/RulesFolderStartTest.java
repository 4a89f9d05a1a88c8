package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chuyenhoa.ChuyenhoaApplication;

/**
 * A rules folder that is missing or holds no rules (trial-ops finding 5): the start stops with one statement that
 * names the folder and what it should hold, not a wall of nested bean errors blaming the tables; and a database that
 * already has versions gets no REJECTED action for a "version" of no files in its governed log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RulesFolderStartTest {

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(String database, Path root) {
        return new SpringApplicationBuilder(ChuyenhoaApplication.class).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                        "--chuyenhoa.ruleset.root=" + root, "--chuyenhoa.warmup.evaluations=0",
                        "--chuyenhoa.ruleset.watch=false");
    }

    private static void assertOneClearStatement(CapturedOutput output, Path folder) {
        String out = output.getOut() + output.getErr();
        assertTrue(out.contains(folder.toString()) && out.contains("rules/") && out.contains("decision-tables/")
                && out.contains("CHUYENHOA_RULESET_ROOT") && out.contains("thư mục quy tắc"), out);
        assertFalse(out.contains("UnsatisfiedDependencyException"), "no chain of bean errors:\n" + out);
        assertFalse(out.contains("\tat "), "no stack trace:\n" + out);
        assertFalse(out.contains("the version in force stays"), "nothing is in force to stay:\n" + out);
    }

    @Test
    void aMissingFolderStopsTheStartWithOneStatementNamingIt(CapturedOutput output) {
        Path missing = dir.resolve("rules-missing");
        assertThrows(Exception.class, () -> start("rules-missing-" + UUID.randomUUID(), missing).close());
        assertOneClearStatement(output, missing);
        assertTrue((output.getOut() + output.getErr()).contains("does not exist"), output::getAll);
    }

    @Test
    void aFolderWithoutRulesOnADatabaseWithVersionsStopsTheStartAndLogsNoRejection(CapturedOutput output) throws Exception {
        String database = "rules-empty-" + UUID.randomUUID();
        int rejectedBefore;
        try (ConfigurableApplicationContext first = start(database, Path.of("").toAbsolutePath())) {
            rejectedBefore = rejected(first);
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(empty.resolve("rules"));
        assertThrows(Exception.class, () -> start(database, empty).close());
        assertOneClearStatement(output, empty);
        try (ConfigurableApplicationContext again = start(database, Path.of("").toAbsolutePath())) {
            assertEquals(rejectedBefore, rejected(again), "no REJECTED action for a folder without rule files");
        }
    }

    private static int rejected(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM ruleset_action WHERE action = 'REJECTED'", Integer.class);
    }
}
