package vn.chuyenhoa.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Profile;

/**
 * Tables a feature reads from the decision tables, registered with the loader so that the loader knows no feature
 * (each feature lists its reader in {@code META-INF/services/vn.chuyenhoa.ruleset.FeatureTables}). The rows of every
 * RuleTable whose name starts with {@link #prefix()} go to {@link #read}, in table order, after the profiles and
 * settings they may refer to; what it returns is kept in the policy under {@link #type()}. A feature with case
 * workbooks of its own ({@link #casesPrefix()}) judges their rows ({@link #judge}) when a ruleset is validated.
 */
public interface FeatureTables {

    /** The start of the RuleTable names this feature reads, as authors write it ("Screening", "Relapse"). */
    String prefix();

    /** The type of the feature's part of the policy, by which the feature asks for it. */
    Class<?> type();

    /** Each problem goes to {@code context.problems()}, cell by cell; a reader never throws for bad cells. */
    Object read(List<SheetRow> rows, Context context);

    /**
     * The start of the names of this feature's case workbooks under decision-tables/tests/ ("screening-"), which run
     * on every upload and start like the evaluation cases, so that a change contradicting the staff's own cases is
     * refused at the case; null when the feature has none.
     */
    default String casesPrefix() {
        return null;
    }

    /**
     * What the rules give for one of this feature's cases, by the name its expectation columns use ("status" for
     * "expect.status"); each expectation is compared with it, and one it does not give fails as not judged.
     *
     * @throws StaffCase.BadInput when a cell of the case cannot be read
     */
    default Map<String, String> judge(Engine engine, StaffCase c) {
        return Map.of();
    }

    /**
     * What a feature's tables may refer to.
     *
     * @param brokenProfiles ids of profile rows already refused, so that rows naming them are not refused again
     * @param programme the programme settings by profile id
     */
    record Context(List<Profile> profiles, Set<String> brokenProfiles, Map<String, ProgrammeSettings> programme,
                   List<LoadProblem> problems) {}
}
