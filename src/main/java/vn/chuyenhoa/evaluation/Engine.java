package vn.chuyenhoa.evaluation;

import java.util.Collection;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** One immutable ruleset version, ready to evaluate: its policy tables and the compiled DRL logic. */
public record Engine(String versionId, Policy policy, KieBase logic) {

    /** Whether this version has the rules of a DRL package (a version stored before they existed has not). */
    public boolean has(String rulesPackage) {
        return logic.getKiePackage(rulesPackage) != null;
    }

    /**
     * Runs {@code facts} through the rules of {@code rulesPackages} and no others, in a session of their own. Every
     * feature's rules share one knowledge base, and some (the verdict rules) need no fact to activate: without the
     * filter a lifecycle question would fire them too.
     *
     * @param globalName the DRL global the rules report to, or null for rules that write on their facts
     */
    public void fire(Set<String> rulesPackages, String globalName, Object global, Collection<?> facts) {
        KieSession session = logic.newKieSession();
        try {
            if (globalName != null) session.setGlobal(globalName, global);
            facts.forEach(session::insert);
            session.fireAllRules(match -> rulesPackages.contains(match.getRule().getPackageName()));
        } finally {
            session.dispose();
        }
    }
}
