package vn.chuyenhoa.ruleset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;
import vn.chuyenhoa.audit.LoadFailure;
import vn.chuyenhoa.audit.RulesetStore;
import vn.chuyenhoa.audit.StoredFile;
import vn.chuyenhoa.audit.StoredVersion;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EngineSource;

/**
 * The ruleset in force. At start-up the files on disk are built; a version that builds is stored (every version that
 * ever decided anything must stay reproducible). If the files do not build, the last stored version keeps serving and
 * the failure is reported in the log, in {@code GET /api/v1/ruleset} and in health; only with nothing stored does
 * start-up stop, since there would be no rules to answer with.
 */
@Component
public class ActiveRuleset implements EngineSource {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);
    static final List<String> FOLDERS = List.of("rules", "decision-tables");

    /** A load that did not succeed, for the ruleset endpoint and health. */
    public record FailedLoad(Instant at, String versionId, List<LoadProblem> problems) {}

    private final AtomicReference<RulesetSnapshot> current = new AtomicReference<>();
    private final AtomicReference<FailedLoad> lastFailure = new AtomicReference<>();
    private final RulesetStore store;
    private final ObjectMapper json;

    public ActiveRuleset(@Value("${chuyenhoa.ruleset.root:.}") String root, RulesetStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
        // a plain String: Spring would resolve a Path-typed "." against the servlet container's document root
        load(Path.of(root));
    }

    private void load(Path root) {
        List<RuleFile> files = RuleFiles.read(root.toAbsolutePath().normalize(), FOLDERS);
        try {
            RulesetSnapshot built = RulesetBuilder.build(files, "DISK");
            store.saveIfAbsent(built.versionId(), "DISK",
                    files.stream().map(f -> new StoredFile(f.path(), f.content())).toList());
            current.set(built);
            log.info("Ruleset {} active: {} profiles, {} criteria, built from {} files under {}", built.versionId(),
                    built.engine().policy().profiles().size(), built.engine().policy().criteria().size(), files.size(),
                    root.toAbsolutePath().normalize());
        } catch (RulesetBuildException e) {
            FailedLoad failure = new FailedLoad(Instant.now(), e.versionId(), e.problems());
            lastFailure.set(failure);
            store.recordLoadFailure(new LoadFailure(failure.at(), failure.versionId(), json.writeValueAsString(e.problems())));
            log.error("RULE FILES REJECTED / BỘ QUY TẮC BỊ TỪ CHỐI: {}", e.getMessage());
            Optional<StoredVersion> fallback = store.latest();
            if (fallback.isEmpty()) {
                throw new IllegalStateException("The rule files under " + root.toAbsolutePath().normalize()
                        + " do not build and no earlier version is stored, so there are no rules to serve.\n" + e.getMessage(), e);
            }
            try {
                RulesetSnapshot stored = RulesetBuilder.build(fallback.get().files().stream()
                        .map(f -> new RuleFile(f.path(), f.content())).toList(), "STORED");
                current.set(stored);
                log.error("Serving the last stored ruleset {} instead; fix the files and restart.", stored.versionId());
            } catch (RulesetBuildException stillBroken) {
                throw new IllegalStateException("Neither the rule files nor the last stored version build", stillBroken);
            }
        }
    }

    @Override
    public Engine current() {
        return current.get().engine();
    }

    public RulesetSnapshot snapshot() {
        return current.get();
    }

    public Optional<FailedLoad> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }
}
