package vn.chuyenhoa.evaluation;

import org.kie.api.KieBase;
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
}
