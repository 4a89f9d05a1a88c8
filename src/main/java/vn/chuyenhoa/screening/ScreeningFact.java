package vn.chuyenhoa.screening;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import vn.chuyenhoa.evaluation.Fact;

/**
 * The facts a caller may send about a candidate commune. The list is the API contract, not policy: which of them
 * flag a category, and at what threshold, is in the screening tables. Counts cover the period before the screening
 * (usually the last statistical year); the two flags about last year decide exclusions and carry-overs.
 */
enum ScreeningFact {
    RESIDENTS("residents", Fact.Type.COUNT),
    SOCIAL_ORDER_CRIMES("socialOrderCrimes", Fact.Type.COUNT),
    SOCIAL_EVIL_INCIDENTS("socialEvilIncidents", Fact.Type.COUNT),
    SOCIAL_EVIL_HOTSPOTS("socialEvilHotspots", Fact.Type.COUNT),
    ECONOMIC_VIOLATIONS("economicViolations", Fact.Type.COUNT),
    ENVIRONMENT_VIOLATIONS("environmentViolations", Fact.Type.COUNT),
    FOOD_SAFETY_VIOLATIONS("foodSafetyViolations", Fact.Type.COUNT),
    DRUG_USERS_RECORDED("drugUsersRecorded", Fact.Type.COUNT),
    DRUG_USE_PLACES("drugUsePlaces", Fact.Type.COUNT),
    DRUG_OFFENDERS_ARRESTED("drugOffendersArrested", Fact.Type.COUNT),
    NARCOTIC_PLANTS_DESTROYED("narcoticPlantsDestroyed", Fact.Type.COUNT),
    NARCOTIC_PLANT_AREA_M2("narcoticPlantAreaM2", Fact.Type.COUNT),
    ON_COMPLEX_DRUG_ROUTE("onComplexDrugRoute", Fact.Type.FLAG),
    NEW_RURAL_CERTIFIED_LAST_YEAR("newRuralCertifiedLastYear", Fact.Type.FLAG),
    NOT_TRANSFORMED_LAST_YEAR("notTransformedLastYear", Fact.Type.FLAG);

    private static final Map<String, ScreeningFact> BY_NAME = new HashMap<>();
    static {
        for (ScreeningFact f : values()) BY_NAME.put(f.jsonName, f);
    }

    private final String jsonName;
    private final Fact.Type type;

    ScreeningFact(String jsonName, Fact.Type type) {
        this.jsonName = jsonName;
        this.type = type;
    }

    public String jsonName() { return jsonName; }

    public Fact.Type type() { return type; }

    // the pages' own terms (messages.properties, fact.*), which the screening form and page show for each fact; no
    // fallback to the JVM's locale: the base file is the Vietnamese one
    private static final ResourceBundle.Control EXACT = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle VI = ResourceBundle.getBundle("messages", Locale.ROOT, EXACT);
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages", Locale.ENGLISH, EXACT);

    /** The fact as the screening form names it, for sentences written outside a page ("Số dân", "Residents"). */
    String label(boolean en) {
        try {
            return (en ? EN : VI).getString("fact." + jsonName);
        } catch (MissingResourceException e) {
            return jsonName;
        }
    }

    public static ScreeningFact byName(String jsonName) { return BY_NAME.get(jsonName); }
}
