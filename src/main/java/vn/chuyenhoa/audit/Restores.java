package vn.chuyenhoa.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import static vn.chuyenhoa.audit.SqlTime.instant;
import static vn.chuyenhoa.audit.SqlTime.utc;

/**
 * A database put back from a backup has lost the batches linked after the backup was taken, and the head file (kept
 * outside the database, never restored) still lists their heads. The operator says so when starting the first instance
 * on the restored database ({@code chuyenhoa.audit.restored-from=<backup>}, {@code chuyenhoa.audit.restored-by=<name>});
 * the restore is then linked as a RESTORE batch of its own, before anything else is written, and its head is written to
 * the head file at once. The verifier accepts the lost heads only where such a restore explains them, and only a
 * restore whose head the head file also holds: a RESTORE row written into the database by whoever truncated it does
 * not excuse the truncation.
 *
 * <p>With a head file per instance, the first instance started with those settings records the restore, from what its
 * own file knew; each other instance started with them, whose file holds heads written after the backup's and before
 * the restore, accepts it: a RESTORE of its own naming the same backup head and its own last head, its head written to
 * its own file. Never without the operator's settings: an instance that accepted any RESTORE row it found would let a
 * truncation excuse itself by writing one.
 */
final class Restores {

    /** One recorded restore, with the link that recorded it. */
    record Restore(UUID id, Instant restoredAt, String restoredBy, String backup, long backupHeadSeq,
                   String backupHeadHash, Instant backupHeadAt, long lostHeadSeq, String lostHeadHash) {

        long lostBatches() {
            return lostHeadSeq - backupHeadSeq;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Restores.class);

    private final JdbcTemplate jdbc;

    Restores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Links the restore, unless the head file shows nothing lost: a setting left in place after the restore was
     * recorded, or given on a database that was not restored, records nothing.
     */
    void record(AuditChain chain, java.nio.file.Path headFile, String backup, String by) {
        if (by == null || by.isBlank()) {
            throw new IllegalStateException("chuyenhoa.audit.restored-from is set: chuyenhoa.audit.restored-by must"
                    + " name who restored the database");
        }
        List<HeadFile.Line> lines = HeadFile.read(headFile);
        HeadFile.Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (last == null || last.seq() < 0 || onChain(last)) {
            log.info("chuyenhoa.audit.restored-from={}: the head file shows no lost batch, no restore recorded", backup);
            return;
        }
        Optional<Restore> recorded = explaining(last);
        if (recorded.isPresent()) {
            accept(chain, headFile, recorded.get(), last, by.strip());
            return;
        }
        AuditChain.Head backupHead = chain.storedHead();
        if (last.seq() <= backupHead.seq()) {
            throw new IllegalStateException("The head file's last head (batch " + last.seq() + ") is not on the chain,"
                    + " yet the restored database reaches batch " + backupHead.seq() + ": this is not a restore of an"
                    + " earlier backup; nothing recorded");
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String who = by.strip();
        chain.record(AuditChain.Kind.RESTORE, batch -> {
            jdbc.update("INSERT INTO audit_restore (id, restored_at, restored_by, backup, backup_head_seq,"
                    + " backup_head_hash, backup_head_at, lost_head_seq, lost_head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, utc(at), who, backup, backupHead.seq(), backupHead.hash(),
                    backupHead.linkedAt() == null ? null : utc(backupHead.linkedAt()), last.seq(), last.hash());
            batch.add(Canonical.AUDIT_RESTORE.entry(id, at, who, backup, backupHead.seq(), backupHead.hash(),
                    backupHead.linkedAt(), last.seq(), last.hash()));
            return null;
        });
        HeadFile.append(headFile, chain.head());
        log.warn("Database restored from {} by {}: the chain continues from batch {}; batches {}–{} are gone", backup, who,
                backupHead.seq(), backupHead.seq() + 1, last.seq());
    }

    /**
     * The restore recorded (by the instance that restored the database) that can explain this head file's last head: a
     * head after the backup's, written before the restore. Another instance with a head file of its own then accepts
     * it rather than recording a second restore from a later point; the newest such restore, if several.
     */
    private Optional<Restore> explaining(HeadFile.Line last) {
        Instant written = writtenAt(last);
        return originals(all()).stream()
                .filter(r -> last.seq() > r.backupHeadSeq() && written != null && written.isBefore(r.restoredAt()))
                .reduce((earlier, later) -> later);
    }

    /**
     * Another instance's acceptance of a recorded restore: a RESTORE batch of its own, naming the same backup and
     * backup head and the last head its head file had recorded, whose head it writes to its own file at once. That is
     * what lets its file's lost heads be explained (the verifier accepts a head only with a restore linked in the same
     * file), and what adds its knowledge to the count of batches lost.
     */
    private void accept(AuditChain chain, java.nio.file.Path headFile, Restore restore, HeadFile.Line last, String who) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        chain.record(AuditChain.Kind.RESTORE, batch -> {
            jdbc.update("INSERT INTO audit_restore (id, restored_at, restored_by, backup, backup_head_seq,"
                    + " backup_head_hash, backup_head_at, lost_head_seq, lost_head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, utc(at), who, restore.backup(), restore.backupHeadSeq(), restore.backupHeadHash(),
                    restore.backupHeadAt() == null ? null : utc(restore.backupHeadAt()), last.seq(), last.hash());
            batch.add(Canonical.AUDIT_RESTORE.entry(id, at, who, restore.backup(), restore.backupHeadSeq(),
                    restore.backupHeadHash(), restore.backupHeadAt(), last.seq(), last.hash()));
            return null;
        });
        HeadFile.append(headFile, chain.head());
        log.warn("This instance accepts the restore from {} recorded at {}: its head file's batches {}–{} are gone;"
                + " accepted by {}", restore.backup(), restore.restoredAt(), restore.backupHeadSeq() + 1, last.seq(), who);
    }

    /**
     * The restores themselves, without the acceptances: an acceptance names the backup head of a restore recorded
     * before it. (A database put back twice from one backup holds only the second restore: the first was after it.)
     */
    static List<Restore> originals(List<Restore> all) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return all.stream().filter(r -> seen.add(r.backupHeadHash())).toList();
    }

    /** When the line was written, or null when its time does not parse. */
    static Instant writtenAt(HeadFile.Line line) {
        try {
            return line.time() == null ? null : Instant.parse(line.time());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private boolean onChain(HeadFile.Line line) {
        return !jdbc.queryForList("SELECT 1 FROM audit_chain WHERE seq = ? AND hash = ?", Integer.class, line.seq(),
                line.hash()).isEmpty();
    }

    List<Restore> all() {
        return jdbc.query("SELECT * FROM audit_restore ORDER BY restored_at", (rs, n) -> new Restore(
                rs.getObject("id", UUID.class), instant(rs, "restored_at"), rs.getString("restored_by"),
                rs.getString("backup"), rs.getLong("backup_head_seq"), rs.getString("backup_head_hash"),
                rs.getObject("backup_head_at") == null ? null : instant(rs, "backup_head_at"), rs.getLong("lost_head_seq"), rs.getString("lost_head_hash")));
    }
}
