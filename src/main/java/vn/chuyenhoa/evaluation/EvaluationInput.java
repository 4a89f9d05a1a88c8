package vn.chuyenhoa.evaluation;

import java.util.Map;
import vn.chuyenhoa.kernel.Area;
import vn.chuyenhoa.kernel.Period;

/**
 * A validated request: the area, the optional profile named by the caller, the periods and the facts present
 * (Long for counts, Boolean for flags; an absent key is missing data).
 */
public record EvaluationInput(Area area, String profileId, Period period, Period baselinePeriod, Map<Fact, Object> facts) {}
