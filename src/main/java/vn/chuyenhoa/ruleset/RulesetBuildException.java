package vn.chuyenhoa.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** The files do not make a usable ruleset; {@link #problems()} says where and why. */
public class RulesetBuildException extends Exception {

    private final String versionId;
    private final List<LoadProblem> problems;

    RulesetBuildException(String versionId, List<LoadProblem> problems) {
        super("ruleset " + versionId + " does not build:\n  "
                + problems.stream().map(LoadProblem::describe).collect(Collectors.joining("\n  ")));
        this.versionId = versionId;
        this.problems = List.copyOf(problems);
    }

    public String versionId() { return versionId; }

    public List<LoadProblem> problems() { return problems; }
}
