package vn.chuyenhoa.evaluation;

/** Where evaluations get the ruleset version in force; the ruleset package provides it. */
public interface EngineSource {

    /** The engine in force now. An evaluation keeps the one it got, even if another is activated meanwhile. */
    Engine current();
}
