package vn.chuyenhoa.screening;

import java.util.Map;

import vn.chuyenhoa.kernel.Area;

/**
 * A validated candidate commune: the area as the official list places it and the facts given (Long for counts,
 * Boolean for flags; an absent fact has no key, because absent means missing data, never zero).
 */
public record Candidate(Area area, Map<ScreeningFact, Object> facts) {

    public Candidate {
        facts = Map.copyOf(facts);
    }

    public Long count(ScreeningFact f) { return (Long) facts.get(f); }

    public Boolean flag(ScreeningFact f) { return (Boolean) facts.get(f); }
}
