package vn.chuyenhoa.evaluation;

import vn.chuyenhoa.kernel.Period;

import java.util.Map;
import java.util.UUID;
import vn.chuyenhoa.area.AreaRef;

/**
 * A request that has passed every check of {@link EvaluationRequestParser}.
 *
 * @param profileId nullable: without it the profile is resolved from the area and {@code period.to}
 * @param baselinePeriod nullable
 * @param facts fact name to {@link Long} (counts) or {@link Boolean} (flags); a fact that was absent or
 *     JSON null has no key, because absent means missing data, never zero
 * @param supersedes nullable: the evaluation this one replaces
 * @param reason nullable; never blank when {@code supersedes} is given
 */
public record EvaluationRequest(
        AreaRef area,
        String profileId,
        Period period,
        Period baselinePeriod,
        Map<String, Object> facts,
        Purpose purpose,
        UUID supersedes,
        String reason) {

    public EvaluationRequest {
        facts = Map.copyOf(facts);
    }
}
