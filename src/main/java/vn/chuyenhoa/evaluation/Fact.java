package vn.chuyenhoa.evaluation;

import java.util.HashMap;
import java.util.Map;

/** The facts a caller may send (api.md, "The facts"). The list is the API contract, not policy. */
public enum Fact {
    TIPS_RECEIVED("tipsReceived", Type.COUNT),
    TIPS_RESOLVED("tipsResolved", Type.COUNT),
    POLITICAL_SYSTEM_CONSOLIDATED("politicalSystemConsolidated", Type.FLAG),
    EFFECTIVE_MODELS("effectiveModels", Type.COUNT),
    COMMUNITY_RULES_MAINTAINED("communityRulesMaintained", Type.FLAG),
    HOUSEHOLDS_TOTAL("householdsTotal", Type.COUNT),
    HOUSEHOLDS_INFORMED("householdsInformed", Type.COUNT),
    ORGANIZED_CRIME_SIGNS("organizedCrimeSigns", Type.FLAG),
    BLACK_CREDIT_ACTIVITY("blackCreditActivity", Type.FLAG),
    CASES_OCCURRED("casesOccurred", Type.COUNT),
    CASES_CLEARED("casesCleared", Type.COUNT),
    SERIOUS_CASES_PROSECUTED("seriousCasesProsecuted", Type.COUNT),
    SERIOUS_CASES_CLEARED("seriousCasesCleared", Type.COUNT),
    RELEASED_RESIDENTS("releasedResidents", Type.COUNT),
    RELEASED_REOFFENDED("releasedReoffended", Type.COUNT),
    CRIMES_BASELINE("crimesBaseline", Type.COUNT),
    CRIMES_CURRENT("crimesCurrent", Type.COUNT),
    SOCIAL_EVILS_BASELINE("socialEvilsBaseline", Type.COUNT),
    SOCIAL_EVILS_CURRENT("socialEvilsCurrent", Type.COUNT),
    HOTSPOTS_BASELINE("hotspotsBaseline", Type.COUNT),
    HOTSPOTS_CURRENT("hotspotsCurrent", Type.COUNT),
    NEW_HOTSPOTS_FORMED("newHotspotsFormed", Type.COUNT);

    public enum Type { COUNT, FLAG }

    private static final Map<String, Fact> BY_NAME = new HashMap<>();
    static {
        for (Fact f : values()) BY_NAME.put(f.jsonName, f);
    }

    private final String jsonName;
    private final Type type;

    Fact(String jsonName, Type type) {
        this.jsonName = jsonName;
        this.type = type;
    }

    public String jsonName() { return jsonName; }

    public Type type() { return type; }

    public static Fact byName(String jsonName) { return BY_NAME.get(jsonName); }
}
