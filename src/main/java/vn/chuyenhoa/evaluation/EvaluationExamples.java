package vn.chuyenhoa.evaluation;

/** An evaluation request as the API documents it, public so that the contract tests send the very example shown. */
public final class EvaluationExamples {

    /** The request of the API description, as an example a generated client's user can send as is. */
    public static final String EXAMPLE = """
            {"area": {"codeScheme": "QD124_2004", "code": "07795", "name": "Phường Nếnh"}, "profileId": null,
             "period": {"from": "2024-03-15", "to": "2024-12-12"}, "baselinePeriod": {"from": "2023-03-15", "to": "2023-12-12"},
             "facts": {"tipsReceived": 41, "tipsResolved": 41, "politicalSystemConsolidated": true, "effectiveModels": 2,
              "communityRulesMaintained": true, "householdsTotal": 3120, "householdsInformed": 3120,
              "organizedCrimeSigns": false, "blackCreditActivity": false, "casesOccurred": 13, "casesCleared": 11,
              "seriousCasesProsecuted": 2, "seriousCasesCleared": 2, "releasedResidents": 27, "releasedReoffended": 3,
              "crimesBaseline": 19, "crimesCurrent": 13, "socialEvilsBaseline": 9, "socialEvilsCurrent": 6,
              "hotspotsBaseline": 3, "hotspotsCurrent": 1, "newHotspotsFormed": 0}}""";

    private EvaluationExamples() {}
}
