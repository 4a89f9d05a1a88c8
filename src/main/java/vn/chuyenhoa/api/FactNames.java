package vn.chuyenhoa.api;

import java.util.Set;

/**
 * The fact names of the API contract (api.md, "The facts"). Other systems send these exact names, so a
 * name missing here is a rejected request, not a silently missing fact.
 */
final class FactNames {

    static final Set<String> COUNTS = Set.of(
            "tipsReceived", "tipsResolved",
            "effectiveModels",
            "householdsTotal", "householdsInformed",
            "casesOccurred", "casesCleared",
            "seriousCasesProsecuted", "seriousCasesCleared",
            "releasedResidents", "releasedReoffended",
            "crimesBaseline", "crimesCurrent",
            "socialEvilsBaseline", "socialEvilsCurrent",
            "hotspotsBaseline", "hotspotsCurrent", "newHotspotsFormed");

    static final Set<String> FLAGS = Set.of(
            "politicalSystemConsolidated", "communityRulesMaintained",
            "organizedCrimeSigns", "blackCreditActivity");

    private FactNames() {}
}
