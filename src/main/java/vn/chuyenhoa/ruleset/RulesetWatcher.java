package vn.chuyenhoa.ruleset;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Saving a table in decision-tables/ or a DRL in rules/ offers the folder's files as a new version within a few
 * seconds: validated like an upload, put in force at once in the local run, kept as a DRAFT elsewhere. A broken save
 * is logged with its report and changes nothing in force. Editors save in bursts (temporary file, rename, lock file),
 * so the folder must be quiet for a moment before it is read.
 */
@Component
class RulesetWatcher {

    private static final Logger log = LoggerFactory.getLogger(RulesetWatcher.class);

    private final ActiveRuleset active;
    private final boolean enabled;
    private final boolean activate;
    private final long quietMillis;
    private volatile WatchService watcher;

    RulesetWatcher(ActiveRuleset active, @Value("${chuyenhoa.ruleset.watch:true}") boolean enabled,
                   @Value("${chuyenhoa.ruleset.activate-files:true}") boolean activate,
                   @Value("${chuyenhoa.ruleset.watch-quiet-ms:700}") long quietMillis) {
        this.active = active;
        this.enabled = enabled;
        this.activate = activate;
        this.quietMillis = quietMillis;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws IOException {
        if (!enabled) return;
        watcher = FileSystems.getDefault().newWatchService();
        for (String folder : ActiveRuleset.FOLDERS) {
            Path dir = active.root().resolve(folder);
            if (Files.isDirectory(dir)) registerTree(dir);
        }
        Thread t = new Thread(this::watch, "ruleset-watcher");
        t.setDaemon(true);
        t.start();
        log.info("Watching {} for rule file changes (activate valid ones: {})", active.root(), activate);
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) d.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = drain(key);
                // wait for the burst of a save to end
                WatchKey next;
                while ((next = watcher.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) relevant |= drain(next);
                if (relevant) reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (!(event.context() instanceof Path name)) continue;
            if (RuleFiles.isLockFile(name.getFileName().toString())) continue;
            relevant = true;
            Path child = dir.resolve(name);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                } catch (IOException e) {
                    log.warn("Cannot watch {}: {}", child, e.getMessage());
                }
            }
        }
        key.reset();
        return relevant;
    }

    private void reload() {
        try {
            ActiveRuleset.Offer offer = active.offerFolder(RuleFiles.read(active.root(), ActiveRuleset.FOLDERS),
                    Changer.system("folder-watcher"), "Lưu tệp trong thư mục quy tắc / saved in the rule folders", activate);
            log.info("Rule folder change: version {} {}{}", offer.versionId(), offer.result(),
                    offer.activated() ? ", now in force" : "");
        } catch (RuntimeException e) {
            log.error("Rule folder change could not be processed", e);
        }
    }

    @PreDestroy
    void stop() throws IOException {
        if (watcher != null) watcher.close();
    }
}
