package vn.chuyenhoa.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.chuyenhoa.support.Database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.chuyenhoa.evaluation.TestEvaluations.evaluation;
import vn.chuyenhoa.evaluation.EvaluationStore;

/**
 * On each database, an online backup as the README tells an operator to take it (H2: {@link Backups}' {@code SCRIPT},
 * as {@code POST /api/v1/admin/backups} takes it; PostgreSQL: {@code pg_dump}), taken while the store runs, more
 * batches after it, then the backup put
 * back into a fresh database with the head file kept: the restore recorded as the operator says so is a chained action
 * that explains exactly the lost heads; the same database put back without saying so, or with a RESTORE forged into
 * the database alone, is tampering.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Database.class)
class BackupRestoreTest {

    @Parameter
    Database database;

    @TempDir
    Path dir;

    private record Backup(TestDatabase db, Path file, long headSeq, long lastSeq) {
    }

    /** Three batches before the backup, four after it, each head written to the head file as it is linked. */
    private Backup writeBackUpAndWriteOn(Path heads) {
        TestDatabase db = TestDatabase.on(database);
        try {
            EvaluationStore store = db.startedEvaluationStore();
            HeadFile file = new HeadFile(db.chain, heads, Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                store.saveNow(evaluation().build());
                file.writeIfMoved();
            }
            long backedUp = db.chain.storedHead().seq();
            Path backup = db.backUp(file, dir);
            if (database == Database.H2) {
                assertTrue(java.nio.file.Files.exists(Path.of(backup.toString().replace(".sql.zip", ".heads.log"))),
                        "the head file is copied beside the backup");
            }
            for (int i = 0; i < 4; i++) {
                store.saveNow(evaluation().build());
                file.writeIfMoved();
            }
            store.stop();
            return new Backup(db, backup, backedUp, db.chain.storedHead().seq());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Test
    void aRecordedRestoreExplainsTheLostBatchesAndTheChainVerifies() {
        Path heads = dir.resolve("heads.log");
        Backup backup = writeBackUpAndWriteOn(heads);
        assertEquals(4, backup.lastSeq() - backup.headSeq());

        try (TestDatabase original = backup.db(); TestDatabase restored = original.restored(backup.file())) {
            // the first instance started on the restored database, told so by the operator
            AuditChain chain = new AuditChain(restored.jdbc, restored.transactions(), heads, "backup-0300.sql", "vanhanh");
            assertEquals(backup.headSeq() + 1, chain.storedHead().seq(), "the restore is the next link after the backup");
            assertEquals("RESTORE", restored.jdbc.queryForObject("SELECT kind FROM audit_chain WHERE seq = ?",
                    String.class, backup.headSeq() + 1));
            // it goes on writing
            EvaluationStore store = new EvaluationStore(restored.jdbc, chain);
            store.start();
            store.saveNow(evaluation().build());
            store.stop();
            new HeadFile(chain, heads, Duration.ofSeconds(10)).writeIfMoved();

            ChainVerifier.Report report = new ChainVerifier(restored.jdbc, new HeadFile(chain, heads,
                    Duration.ofSeconds(10))).verify();
            assertTrue(report.intact(), report::toString);
            assertEquals(1, report.restores().size(), report::toString);
            ChainVerifier.RestoreNote note = report.restores().get(0);
            assertEquals(4, note.lostBatches());
            assertEquals(4, note.headsExplained(), "every lost head of the file is one of the lost batches");
            assertEquals("vanhanh", note.restoredBy());
            assertEquals("backup-0300.sql", note.backup());
            assertEquals(backup.headSeq(), note.backupHeadSeq());
            assertTrue(note.inHeadFile());
            assertTrue(report.messageEn().contains("Restored from the backup of ")
                    && report.messageEn().contains("4 batches recorded after it are gone"), report.messageEn());
            assertTrue(report.messageVi().contains("4 lô ghi sau bản sao lưu đã mất"), report.messageVi());

            // started again with the setting left in place: nothing more is recorded
            new AuditChain(restored.jdbc, restored.transactions(), heads, "backup-0300.sql", "vanhanh");
            assertEquals(1, restored.jdbc.queryForObject("SELECT COUNT(*) FROM audit_restore", Integer.class));
        }
    }

    /**
     * The operations trial's finding 1: two instances on one database, each with a head file of its own (which the
     * README allows), both writing after the backup. The instance that restores knows only its own file; the other's
     * file holds heads of lost batches it never saw. Started with the same two settings, that instance accepts the
     * recorded restore (a chained RESTORE of its own, its head in its file), so both verify intact, and the restore is
     * reported with the batches lost as far as both files knew. Until it does, its lost heads are tampering.
     */
    @Test
    void everyInstanceWithAHeadFileOfItsOwnAcceptsTheRestoreAndTheLossCountsBothFiles() {
        Path heads1 = dir.resolve("inst1-heads.log");
        Path heads2 = dir.resolve("inst2-heads.log");
        TestDatabase db = TestDatabase.on(database);
        long backedUp;
        long last1;
        long last2;
        Path file;
        try {
            EvaluationStore store1 = db.startedEvaluationStore();
            AuditChain chain2 = new AuditChain(db.jdbc, db.transactions());
            EvaluationStore store2 = new EvaluationStore(db.jdbc, chain2);
            store2.start();
            HeadFile file1 = new HeadFile(db.chain, heads1, Duration.ofSeconds(10));
            HeadFile file2 = new HeadFile(chain2, heads2, Duration.ofSeconds(10));
            for (int i = 0; i < 2; i++) {
                store1.saveNow(evaluation().build());
                file1.writeIfMoved();
                store2.saveNow(evaluation().build());
                file2.writeIfMoved();
            }
            backedUp = db.chain.storedHead().seq();
            file = db.backUp(file1, dir);
            for (int i = 0; i < 3; i++) {
                store1.saveNow(evaluation().build());
                file1.writeIfMoved();
                store2.saveNow(evaluation().build());
                file2.writeIfMoved();
            }
            last1 = db.chain.head().seq();
            last2 = chain2.head().seq();
            store1.stop();
            store2.stop();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        assertEquals(backedUp + 6, last2, "the second instance linked the last batch");
        assertEquals(backedUp + 5, last1);

        try (TestDatabase original = db; TestDatabase restored = original.restored(file)) {
            AuditChain chain1 = new AuditChain(restored.jdbc, restored.transactions(), heads1, "backup-0300", "vanhanh");
            ChainVerifier.Report one = new ChainVerifier(restored.jdbc, new HeadFile(chain1, heads1,
                    Duration.ofSeconds(10))).verify();
            assertTrue(one.intact(), one::toString);
            assertEquals(5, one.restores().get(0).lostBatches(), "the restoring instance's file knew of 5");
            assertEquals(1, one.restores().get(0).headFilesCounted());
            assertTrue(one.messageEn().contains("at least 5 batches recorded after it are gone"), one.messageEn());

            // the second instance's file, before it accepts the restore: its lost heads stay tampering
            ChainVerifier.Report notYet = new ChainVerifier(restored.jdbc, new HeadFile(chain1, heads2,
                    Duration.ofSeconds(10))).verify();
            assertFalse(notYet.intact(), notYet::toString);
            notYet.problems().forEach(p -> assertEquals("HEAD_NOT_ON_CHAIN", p.problem(), notYet::toString));
            assertTrue(notYet.firstBreak().messageEn().contains("chuyenhoa.audit.restored-from"),
                    notYet.firstBreak().messageEn());

            // started as the README says: with the same two settings
            AuditChain chain2 = new AuditChain(restored.jdbc, restored.transactions(), heads2, "backup-0300", "vanhanh");
            assertEquals(backedUp + 2, chain2.storedHead().seq(), "the acceptance is the next link after the restore");
            for (Path heads : List.of(heads1, heads2)) {
                ChainVerifier.Report report = new ChainVerifier(restored.jdbc, new HeadFile(chain2, heads,
                        Duration.ofSeconds(10))).verify();
                assertTrue(report.intact(), report::toString);
                assertEquals(1, report.restores().size(), report::toString);
                ChainVerifier.RestoreNote note = report.restores().get(0);
                assertEquals(6, note.lostBatches(), "as far as both files knew: " + report);
                assertEquals(2, note.headFilesCounted());
                assertEquals(backedUp, note.backupHeadSeq());
                assertEquals(backedUp + 1, note.seq());
                assertTrue(note.inHeadFile(), report::toString);
                assertTrue(report.messageEn().contains("at least 6 batches recorded after it are gone"),
                        report.messageEn());
                assertTrue(report.messageVi().contains("ít nhất 6 lô"), report.messageVi());
            }
            assertEquals(3, new ChainVerifier(restored.jdbc, new HeadFile(chain2, heads2, Duration.ofSeconds(10)))
                    .verify().restores().get(0).headsExplained(), "the second file's 3 heads written after the backup");

            // both started again with the settings left in place: nothing more is recorded
            new AuditChain(restored.jdbc, restored.transactions(), heads1, "backup-0300", "vanhanh");
            new AuditChain(restored.jdbc, restored.transactions(), heads2, "backup-0300", "vanhanh");
            assertEquals(2, restored.jdbc.queryForObject("SELECT COUNT(*) FROM audit_restore", Integer.class));
        }
    }

    @Test
    void aTruncationNoRestoreExplainsIsTampering() {
        Path heads = dir.resolve("heads.log");
        Backup backup = writeBackUpAndWriteOn(heads);
        try (TestDatabase original = backup.db(); TestDatabase restored = original.restored(backup.file())) {
            // put back without saying so: the lost heads are tampering, however consistent the chain is in itself
            AuditChain chain = new AuditChain(restored.jdbc, restored.transactions());
            ChainVerifier.Report report = new ChainVerifier(restored.jdbc, new HeadFile(chain, heads,
                    Duration.ofSeconds(10))).verify();
            assertFalse(report.intact(), report::toString);
            assertEquals(4, report.problemCount(), report::toString);
            report.problems().forEach(p -> assertEquals("HEAD_NOT_ON_CHAIN", p.problem(), report::toString));
            assertTrue(report.restores().isEmpty());

            // a RESTORE written into the database by whoever truncated it, but never into the head file
            chain.record(AuditChain.Kind.RESTORE, batch -> {
                java.util.UUID id = java.util.UUID.randomUUID();
                java.time.Instant at = java.time.Instant.parse("2026-12-05T01:00:00Z");
                restored.jdbc.update("INSERT INTO audit_restore (id, restored_at, restored_by, backup, backup_head_seq,"
                        + " backup_head_hash, backup_head_at, lost_head_seq, lost_head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, SqlTime.utc(at), "kẻ gian", "giả", backup.headSeq(), "0".repeat(64), null, backup.lastSeq(),
                        "0".repeat(64));
                batch.add(Canonical.AUDIT_RESTORE.entry(id, at, "kẻ gian", "giả", backup.headSeq(), "0".repeat(64), null,
                        backup.lastSeq(), "0".repeat(64)));
                return null;
            });
            ChainVerifier.Report forged = new ChainVerifier(restored.jdbc, new HeadFile(chain, heads,
                    Duration.ofSeconds(10))).verify();
            assertFalse(forged.intact(), forged::toString);
            List<String> problems = forged.problems().stream().map(ChainVerifier.Problem::problem).distinct().toList();
            assertEquals(List.of("HEAD_NOT_ON_CHAIN"), problems, forged::toString);
            assertEquals(1, forged.restores().size());
            assertFalse(forged.restores().get(0).inHeadFile());
            assertEquals(0, forged.restores().get(0).headsExplained());
        }
    }
}
