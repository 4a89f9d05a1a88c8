package vn.chuyenhoa.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.chuyenhoa.evaluation.ProgrammeSettings;
import vn.chuyenhoa.evaluation.Profile;

/**
 * Tables a feature reads from the decision tables, registered with the loader so that the loader knows no feature
 * (each feature lists its reader in {@code META-INF/services/vn.chuyenhoa.ruleset.FeatureTables}). The rows of every
 * RuleTable whose name starts with {@link #prefix()} go to {@link #read}, in table order, after the profiles and
 * settings they may refer to; what it returns is kept in the policy under {@link #type()}.
 */
public interface FeatureTables {

    /** The start of the RuleTable names this feature reads, as authors write it ("Screening", "Relapse"). */
    String prefix();

    /** The type of the feature's part of the policy, by which the feature asks for it. */
    Class<?> type();

    /** Each problem goes to {@code context.problems()}, cell by cell; a reader never throws for bad cells. */
    Object read(List<SheetRow> rows, Context context);

    /**
     * What a feature's tables may refer to.
     *
     * @param brokenProfiles ids of profile rows already refused, so that rows naming them are not refused again
     * @param programme the programme settings by profile id
     */
    record Context(List<Profile> profiles, Set<String> brokenProfiles, Map<String, ProgrammeSettings> programme,
                   List<LoadProblem> problems) {}
}
