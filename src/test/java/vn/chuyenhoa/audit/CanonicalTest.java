package vn.chuyenhoa.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical form the trail's hashes are taken over, pinned byte for byte: changing it would make every stored
 * chain fail verification, so a change must be deliberate (a new version tag), never a side effect.
 */
class CanonicalTest {

    private static final UUID AREA = UUID.fromString("1B4E28BA-2FA1-11D2-883F-0016D3CCA427");

    @Test
    void aRowIsEveryColumnLengthPrefixedWithNullsMarked() throws Exception {
        Object[] step = {AREA, 2, "CANDIDATE", "PROPOSED", LocalDate.of(2024, 1, 20),
                Instant.parse("2024-01-20T03:04:05.120Z"), "BCĐ thị xã Việt Yên", null, null, null, null, "v1",
                "Đề xuất", "a\nb 🚔", null, null, null, null, null, null};
        // recorded_by, the moved_* columns and monitoring_report_id, added later, are left out while NULL: this is the form of a step chained before it existed
        String form = Canonical.PROGRAMME_TRANSITION.form(step);
        // lengths in UTF-8 bytes, counted by hand: Đ ã ê 2 bytes, ị ệ ề ấ 3, 🚔 4
        assertThat(form).isEqualTo("""
                chuyenhoa-row-v1
                programme_transition
                area_id:36=1b4e28ba-2fa1-11d2-883f-0016d3cca427
                step:1=2
                from_state:9=CANDIDATE
                to_state:8=PROPOSED
                effective_date:10=2024-01-20
                recorded_at:24=2024-01-20T03:04:05.120Z
                actor:26=BCĐ thị xã Việt Yên
                decision_number:-
                decision_date:-
                evaluation_id:-
                profile_id:-
                ruleset_version:2=v1
                rule_name:12=Đề xuất
                comment:8=a
                b 🚔
                """);
        Canonical.Entry entry = Canonical.PROGRAMME_TRANSITION.entry(step);
        assertThat(entry.table()).isEqualTo("programme_transition");
        assertThat(entry.key()).isEqualTo("1b4e28ba-2fa1-11d2-883f-0016d3cca427/2");
        assertThat(entry.rowHash()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(form.getBytes(StandardCharsets.UTF_8))));
        assertThat(entry.line()).isEqualTo("programme_transition 1b4e28ba-2fa1-11d2-883f-0016d3cca427/2 "
                + entry.rowHash());
    }

    @Test
    void aColumnAddedLaterCountsOnceItHoldsAValue() {
        Object[] before = {AREA, 1, null, "CANDIDATE", LocalDate.of(2024, 1, 10), Instant.parse("2024-01-10T00:00:00Z"),
                "Công an tỉnh", null, null, null, null, "v1", "Vào diện xem xét", null, null, null, null, null, null, null};
        Object[] recorded = before.clone();
        recorded[14] = "canbo.dienbien";
        assertThat(Canonical.PROGRAMME_TRANSITION.form(recorded))
                .isEqualTo(Canonical.PROGRAMME_TRANSITION.form(before) + "recorded_by:14=canbo.dienbien\n");
        Object[] rewritten = before.clone();
        rewritten[14] = "kiemthu";
        assertThat(Set.of(Canonical.PROGRAMME_TRANSITION.entry(before).rowHash(),
                Canonical.PROGRAMME_TRANSITION.entry(recorded).rowHash(),
                Canonical.PROGRAMME_TRANSITION.entry(rewritten).rowHash())).hasSize(3);
        // an optional column is still part of the row: it cannot be left out of the values
        assertThatThrownBy(() -> Canonical.PROGRAMME_TRANSITION.form(Arrays.copyOf(before, 14)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Canonical.PROGRAMME_TRANSITION.columns().get(14)).isEqualTo(
                new Canonical.Column("recorded_by", Canonical.Type.TEXT, true));
    }

    @Test
    void valuesReadBackFromTheDatabaseHashAsTheValuesWritten() {
        Instant at = Instant.parse("2025-06-30T08:15:30.123456789Z");
        Object[] written = {7L, at, "cán bộ", "STORED", null, "v2", "", null};
        Object[] read = {7, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(7)), "cán bộ", "STORED", null, "v2", "", null};
        assertThat(Canonical.RULESET_ACTION.entry(read)).isEqualTo(Canonical.RULESET_ACTION.entry(written));
        // NULL and the empty text are different values
        Object[] nullComment = written.clone();
        nullComment[6] = null;
        assertThat(Canonical.RULESET_ACTION.entry(nullComment).rowHash())
                .isNotEqualTo(Canonical.RULESET_ACTION.entry(written).rowHash());
    }

    @Test
    void noValueCanPassForASeparator() {
        // the same characters split differently between two columns make different rows
        Object[] a = {1L, Instant.EPOCH, "x\ncomment:1=y", "STORED", null, null, null, null};
        Object[] b = {1L, Instant.EPOCH, "x", "STORED", null, null, "y", null};
        assertThat(Canonical.RULESET_ACTION.form(a)).isNotEqualTo(Canonical.RULESET_ACTION.form(b));
        assertThat(Canonical.RULESET_ACTION.entry(a).rowHash()).isNotEqualTo(Canonical.RULESET_ACTION.entry(b).rowHash());
        assertThatThrownBy(() -> Canonical.RULESET_ACTION.form(1L, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkHashesItsSeqKindTimeCountContentAndPredecessor() throws Exception {
        Instant at = Instant.parse("2026-11-23T14:00:00.5Z");
        String content = Canonical.sha256("evaluation x h");
        String hash = Canonical.linkHash(3, "EVALUATIONS", at, 1, content, Canonical.GENESIS);
        assertThat(hash).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                ("chuyenhoa-chain-v1\n3\nEVALUATIONS\n2026-11-23T14:00:00.500Z\n1\n" + content + "\n" + "0".repeat(64))
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(Canonical.linkHash(3, "EVALUATIONS", at, 1, content, hash)).isNotEqualTo(hash);
    }
}
