package vn.chuyenhoa.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online backups of the embedded H2 database, which no other process may open while the service runs: H2's
 * {@code SCRIPT TO ... COMPRESSION ZIP}, taken while holding the audit chain's lock, so the audited rows and the chain
 * are backed up at one head; a copy of the head file beside it. PostgreSQL is backed up with {@code pg_dump}, which
 * takes its own consistent snapshot (README "Backups and restore").
 */
@Component
class Backups {

    /** A backup taken: the script, the copy of the head file and the chain's head in the backup. */
    public record Backup(String file, String headFileCopy, Instant takenAt, AuditChain.Head head) {
    }

    /** The database is not the embedded H2: its own tools back it up. */
    public static class NotEmbedded extends IllegalStateException {
        public NotEmbedded(String product) {
            super("The database is " + product + ": back it up with its own tools (pg_dump), see README \"Backups and"
                    + " restore\".");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final HeadFile headFile;
    private final Path dir;

    Backups(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, HeadFile headFile,
                   @Value("${chuyenhoa.backup.dir:./data/backups}") String dir) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.headFile = headFile;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
    }

    /** @throws NotEmbedded on any database but H2 */
    public Backup take() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if (!"H2".equals(product)) throw new NotEmbedded(product);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path script = dir.resolve("chuyenhoa-" + NAME.format(at) + ".sql.zip");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup folder " + dir, e);
        }
        AuditChain.Head head = transaction.execute(tx -> {
            // the chain's lock: no audited write commits while the script is written, so rows and chain agree
            jdbc.queryForObject("SELECT id FROM audit_chain_lock WHERE id = 1 FOR UPDATE", Integer.class);
            jdbc.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "' COMPRESSION ZIP");
            return AuditChain.storedHead(jdbc);
        });
        // after the script: the copy holds at least every head the backup's chain reaches
        headFile.writeIfMoved();
        Path copy = dir.resolve("chuyenhoa-" + NAME.format(at) + ".heads.log");
        try {
            if (Files.exists(headFile.path())) Files.copy(headFile.path(), copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the head file to " + copy, e);
        }
        log.info("Backup {} taken at chain head {}", script, head.seq());
        return new Backup(script.toString(), Files.exists(copy) ? copy.toString() : null, at, head);
    }
}
