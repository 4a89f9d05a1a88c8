package vn.chuyenhoa.support;

import java.nio.file.Path;
import java.util.List;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuildException;
import vn.chuyenhoa.ruleset.RulesetBuilder;

/**
 * The real Drools build of the real files in rules/ and decision-tables/, and the official area lists, built once per
 * test JVM for the tests that only read them (a build takes seconds; each class building its own adds up).
 */
public final class ShippedRules {

    private static Engine engine;
    private static AreaDirectory areas;

    private ShippedRules() {}

    public static synchronized Engine engine() {
        if (engine == null) {
            try {
                engine = RulesetBuilder.build(RuleFiles.read(Path.of(""), List.of("rules", "decision-tables")), "TEST").engine();
            } catch (RulesetBuildException e) {
                throw new IllegalStateException("the shipped rules do not build: " + e.getMessage(), e);
            }
        }
        return engine;
    }

    public static synchronized AreaDirectory areas() {
        if (areas == null) areas = AreaDirectory.loadBundled();
        return areas;
    }
}
