package vn.chuyenhoa.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.chuyenhoa.ChuyenhoaApplication;

/**
 * A wrong database password (trial-ops finding 7): the start stops with what failed, on which database and as whom,
 * and what to check, said once; not a 148-line wall of nested bean errors with the cause six times in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseSignInStartTest {

    @Test
    void aWrongPasswordIsOneStatementNamingTheDatabaseTheUserAndWhatToCheck(CapturedOutput output) throws Exception {
        String url = "jdbc:h2:mem:signin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection created = DriverManager.getConnection(url, "chuyenhoa", "right-password")) {
            assertThrows(Exception.class, () -> new SpringApplicationBuilder(ChuyenhoaApplication.class)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=chuyenhoa",
                            "--spring.datasource.password=wrong", "--chuyenhoa.warmup.evaluations=0",
                            "--chuyenhoa.ruleset.watch=false").close());
        }
        String out = output.getOut() + output.getErr();
        assertTrue(out.contains(url) && out.contains("chuyenhoa") && out.contains("SPRING_DATASOURCE_PASSWORD")
                && out.contains("cơ sở dữ liệu"), out);
        assertFalse(out.contains("UnsatisfiedDependencyException"), "no chain of bean errors:\n" + out);
        assertFalse(out.contains("\tat "), "no stack trace:\n" + out);
        assertTrue(out.lines().count() < 40, out.lines().count() + " lines:\n" + out);
    }
}
