package vn.chuyenhoa.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.chuyenhoa.evaluation.Profile;
import vn.chuyenhoa.evaluation.Scope;

/**
 * Who uploads or approves a ruleset change, and where they may change the rules.
 *
 * @param national  may change anything; otherwise only profiles within {@code provinces}
 * @param provinces "SCHEME:PROVINCE" codes
 * @param person    a signed-in account, bound by the four-eyes rule; not the start-up or the folder watcher
 */
public record Changer(String name, boolean national, Set<String> provinces, boolean person) {

    /** The start-up, which puts the files on disk in place. */
    public static final Changer SYSTEM = system(ActiveRuleset.SYSTEM);

    public static Changer system(String name) {
        return new Changer(name, true, Set.of(), false);
    }

    public static Changer person(String name, boolean national, Set<String> provinces) {
        return new Changer(name, national, provinces, true);
    }

    public Changer {
        provinces = Set.copyOf(provinces);
    }

    /**
     * What the change from one version to another touches outside this changer's provinces, one line each (Vietnamese
     * / English); empty when all of it is theirs. A provincial changer may only change the profiles of their
     * provinces: a criterion of the national catalogue, a profile without a province (NATIONAL_CORE), or a changed
     * file none of whose changes is such a profile row (rules, programme settings, screening tables) needs national
     * scope. Staff test cases may change with the rows they test.
     */
    public List<String> outside(RulesetSnapshot from, RulesetSnapshot to) {
        if (national) return List.of();
        PolicyDiff.Diff diff = PolicyDiff.between(from, to);
        Set<String> out = new LinkedHashSet<>();
        Set<String> explained = new LinkedHashSet<>();
        for (PolicyDiff.Change c : diff.changes()) {
            if (c.profileId() == null) {
                out.add("Tiêu chí " + c.criterionId() + " thuộc danh mục toàn quốc / criterion " + c.criterionId()
                        + " belongs to the national catalogue");
                continue;
            }
            boolean mine = true;
            for (var policy : List.of(from.engine().policy(), to.engine().policy())) {
                Profile p = policy.profile(c.profileId()).orElse(null);
                if (p != null && !covers(p.scope())) {
                    mine = false;
                    out.add("Bộ tiêu chí " + p.id() + " (" + p.scope().describeVi() + ") ngoài phạm vi / profile " + p.id()
                            + " (" + p.scope().describeEn() + ") is outside " + name + "'s provinces " + provinces);
                }
            }
            if (mine && c.source() != null) explained.add(c.source().file());
        }
        List<String> files = new ArrayList<>(diff.filesChanged());
        files.addAll(diff.filesAdded());
        files.addAll(diff.filesRemoved());
        for (String f : files) {
            // staff test cases decide nothing; they only gate validation, which has already passed
            if (!explained.contains(f) && !RulesetBuilder.isTest(f)) out.add("Tệp " + f + " áp dụng cho cả nước / file " + f
                    + " applies everywhere; changing it needs national scope");
        }
        return List.copyOf(out);
    }

    private boolean covers(Scope scope) {
        return scope.codeScheme() != null && scope.provinceCode() != null
                && provinces.contains(scope.codeScheme() + ":" + scope.provinceCode());
    }

    /** A ruleset change this changer may not make; nothing was stored or put in force. */
    public static class Refused extends RuntimeException {
        public final String code;
        public final String messageVi;
        public final List<String> items;

        public Refused(String code, String messageEn, String messageVi, List<String> items) {
            super(messageEn);
            this.code = code;
            this.messageVi = messageVi;
            this.items = List.copyOf(items);
        }
    }
}
