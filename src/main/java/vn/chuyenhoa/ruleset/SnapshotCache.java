package vn.chuyenhoa.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Component;


/**
 * Stored versions built from their stored bytes, for activation, diffs, impact previews and replays. Only ever
 * built from what the database holds — never handed a snapshot from elsewhere — so a replay proves that the stored
 * files alone reproduce a verdict (the start-up's {@link EarlyBuild} may have compiled them already: the version id is
 * the hash of every byte, so it compiled these very files). A build costs a second or two, hence the small cache.
 */
@Component
public class SnapshotCache {

    private static final int CAPACITY = 6;

    private final RulesetStore store;
    private final Map<String, RulesetSnapshot> built = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RulesetSnapshot> eldest) {
            return size() > CAPACITY;
        }
    };

    public SnapshotCache(RulesetStore store) {
        this.store = store;
    }

    /**
     * @throws NoSuchElementException  when no such version is stored
     * @throws RulesetBuildException   when the stored files no longer build (a newer Drools, say)
     */
    public synchronized RulesetSnapshot get(String versionId) throws RulesetBuildException {
        RulesetSnapshot s = built.get(versionId);
        if (s != null) return s;
        StoredVersion v = store.find(versionId).orElseThrow(() -> new NoSuchElementException("no ruleset version " + versionId));
        List<RuleFile> files = v.files().stream().map(f -> new RuleFile(f.path(), f.content())).toList();
        s = RulesetBuilder.build(files, "STORED");
        built.put(versionId, s);
        return s;
    }
}
