package vn.chuyenhoa.ruleset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

import vn.chuyenhoa.evaluation.Engine;

/**
 * Compiling the rule files is the longest step of a start (about five seconds of one core), and it needs nothing Spring
 * makes: so it begins as soon as the configuration is read, on a thread of its own, while Spring builds the rest of the
 * service on the other core. {@link RulesetBuilder#build} takes the result when it is asked for the same version.
 *
 * <p>A version id is the SHA-256 of every file's path and bytes ({@link RuleFiles#versionId}), so the engine built
 * here from the files on disk is the one the same bytes read back from the database would build: handing it over
 * changes what is built from nothing, only when. A build that fails here is simply done again where it is asked for,
 * which reports its problems as it always has. Registered in {@code META-INF/spring.factories}.
 *
 * <p>The same thread then compiles the staff's test workbooks ({@link TableTests#everyCase}), which the validation of the
 * files runs on the engine: about a second of the main thread's start that needs neither Spring nor the unit lists.
 */
final class EarlyBuild implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyBuild.class);
    /** The last few versions begun; a test run starts many contexts on the same files and builds them once. */
    private static final Map<String, Begun> BEGUN = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Begun> eldest) {
            return size() > 2;
        }
    };

    /** One version's build: the engine first, then the rows of its test workbooks (empty when none compile). */
    private record Begun(CompletableFuture<Engine> engine, CompletableFuture<Optional<List<TableTests.CaseRow>>> cases) {}

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String root = event.getEnvironment().getProperty("chuyenhoa.ruleset.root", "");
        List<RuleFile> files;
        try {
            files = root.isBlank() ? RuleFiles.bundled(ActiveRuleset.FOLDERS)
                    : RuleFiles.read(Path.of(root).toAbsolutePath().normalize(), ActiveRuleset.FOLDERS);
        } catch (RuntimeException unreadable) {
            return; // the start reads them again and says what is wrong
        }
        String versionId = RuleFiles.versionId(files);
        synchronized (BEGUN) {
            if (BEGUN.containsKey(versionId)) return;
            Begun build = new Begun(new CompletableFuture<>(), new CompletableFuture<>());
            BEGUN.put(versionId, build);
            Thread t = new Thread(() -> {
                try {
                    build.engine().complete(RulesetBuilder.compile(files, "DISK").engine());
                } catch (RulesetBuildException | RuntimeException e) {
                    build.engine().completeExceptionally(e);
                }
                try {
                    List<LoadProblem> problems = new ArrayList<>();
                    List<TableTests.CaseRow> rows = TableTests.everyCase(files, problems);
                    build.cases().complete(problems.isEmpty() ? Optional.of(List.copyOf(rows)) : Optional.empty());
                } catch (RuntimeException e) {
                    build.cases().completeExceptionally(e);
                }
            }, "ruleset-early-build");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The engine of this version if a start began building it, once built; empty if none began or it failed. */
    static Optional<Engine> engine(String versionId) {
        return await(versionId, Begun::engine);
    }

    /**
     * The compiled rows of this version's test workbooks if a start began building it; empty if none began or they
     * did not compile (compiling them again where they are asked for reports why).
     */
    static Optional<List<TableTests.CaseRow>> cases(String versionId) {
        return await(versionId, Begun::cases).flatMap(rows -> rows);
    }

    private static <T> Optional<T> await(String versionId, Function<Begun, CompletableFuture<T>> part) {
        Begun build;
        synchronized (BEGUN) {
            build = BEGUN.get(versionId);
        }
        if (build == null) return Optional.empty();
        try {
            return Optional.of(part.apply(build).get());
        } catch (ExecutionException failed) {
            log.debug("The early build of {} failed; building it again to report why", versionId, failed.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
