package vn.chuyenhoa.evaluation;

import java.util.Collection;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One immutable ruleset version, ready to evaluate: its policy tables, the compiled DRL logic and the sessions that run
 * it. Sessions come from a pool: a new one builds the memory of every join node of the logic again (about a third of
 * a decision's time and 30 KB, measured with {@code bench/run.sh cpu}), a pooled one is only reset. A session taken
 * from the pool goes back to it when disposed (a stateless one after each {@code execute}).
 */
public record Engine(String versionId, Policy policy, KieBase logic, KieSessionsPool sessions) {

    /** The pool grows with the threads that decide at once; two sessions are made up front. */
    public Engine(String versionId, Policy policy, KieBase logic) {
        this(versionId, policy, logic, logic.newKieSessionsPool(2));
    }

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
        KieSession session = sessions.newKieSession();
        try {
            if (globalName != null) session.setGlobal(globalName, global);
            facts.forEach(session::insert);
            session.fireAllRules(match -> rulesPackages.contains(match.getRule().getPackageName()));
        } finally {
            session.dispose();
        }
    }
}
