package vn.chuyenhoa.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids of new evaluations sort in the order they were made, so that each commit appends to the key's index. */
class EvaluationIdTest {

    @Test
    void idsAreVersion7AndSortInTheOrderTheyWereMadeOneMillisecondApart() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(EvaluationStore.newId());
            Thread.sleep(2);
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        // as H2 and PostgreSQL order them: by the unsigned bytes, most significant first
        assertThat(ids).isSortedAccordingTo((a, b) -> {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        });
    }

    @Test
    void idsMadeInTheSameMillisecondStillDifferInTheirRandomBits() {
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EvaluationStore.newId());
        }
        assertThat(ids).hasSize(10_000);
        long now = System.currentTimeMillis();
        assertThat(ids).allSatisfy(id -> assertThat(id.getMostSignificantBits() >>> 16).isBetween(now - 60_000, now));
    }
}
