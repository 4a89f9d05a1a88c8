package vn.chuyenhoa.ruleset;

import java.time.Instant;
import java.util.List;

import vn.chuyenhoa.evaluation.Engine;

/** One built ruleset version: what it was built from, when, and the engine every request on it uses. */
public record RulesetSnapshot(Engine engine, List<RuleFile> files, Instant loadedAt, String origin) {

    public String versionId() { return engine.versionId(); }
}
