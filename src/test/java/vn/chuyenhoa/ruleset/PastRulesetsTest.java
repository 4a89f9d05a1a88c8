package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.chuyenhoa.area.AreaDirectory;

/**
 * The Java types that DRL files and table templates name ({@code PolicyRows}, {@code Measure}, {@code ReasonCheck},
 * screening's {@code Check}, …) are a published contract: a stored ruleset version must still build with every later
 * release, or replaying and rolling back past decisions breaks. Each fixture under src/test/resources/past-rulesets/
 * is the rules/ and decision-tables/ of a past commit, kept byte for byte; each is built with the current code (every
 * DRL file, so every type it imports) and its staff test cases — sample areas with the verdicts expected then — are
 * replayed on it through the evaluation.
 */
class PastRulesetsTest {

    static final Path FIXTURES = Path.of("src/test/resources/past-rulesets");

    static Stream<String> versions() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void aPastVersionBuildsWithTheCurrentCodeAndReplaysItsCases(String commit) throws Exception {
        List<RuleFile> files = RuleFiles.read(FIXTURES.resolve(commit), List.of("rules", "decision-tables"));
        assertTrue(files.stream().anyMatch(f -> f.path().endsWith(".drl")), "the fixture has its DRL files");

        RulesetSnapshot snapshot = RulesetBuilder.build(files, "PAST");
        assertFalse(snapshot.engine().policy().profiles().isEmpty(), commit);
        AreaDirectory areas = AreaDirectory.loadBundled();
        TableTests.Outcome replay = TableTests.run(files, snapshot.engine(), areas);
        assertTrue(replay.cases() >= 10, commit + " replays its staff cases: " + replay.cases());
        assertEquals(List.of(), replay.failures(), commit + ": the verdicts expected then are given now");

        // and it still passes everything an upload must, so it can be offered and rolled back to
        RulesetValidator.Validated v = new RulesetValidator(areas, 5_242_880, 5000, 200).validate(files, "PAST");
        assertTrue(v.report().valid(), () -> commit + ": " + v.report().problems());
    }
}
