package vn.chuyenhoa.ruleset;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.drools.io.ByteArrayResource;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.Policy;

/**
 * Builds rule files into a snapshot with the DRL/mvel builder (the executable model compiles several times slower at
 * run time). Two knowledge bases come out of one version: the decision tables, fired once here to read the policy,
 * and the DRL logic that every evaluation runs. Keeping them apart means a request never pays for the table rules.
 */
public final class RulesetBuilder {

    static final String RULES_DIR = "rules/";
    static final String TABLES_DIR = "decision-tables/";

    private RulesetBuilder() {}

    public static RulesetSnapshot build(List<RuleFile> files, String origin) throws RulesetBuildException {
        Optional<Engine> early = EarlyBuild.engine(RuleFiles.versionId(files));
        if (early.isPresent()) return new RulesetSnapshot(early.get(), RuleFiles.sorted(files), Instant.now(), origin);
        return compile(files, origin);
    }

    /** Drools' build of exactly these files, begun now. */
    static RulesetSnapshot compile(List<RuleFile> files, String origin) throws RulesetBuildException {
        String versionId = RuleFiles.versionId(files);
        List<LoadProblem> problems = new ArrayList<>();

        List<DecisionTables.CompiledSheet> sheets = new ArrayList<>();
        KnowledgeBuilder logicBuilder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        int drlFiles = 0;
        for (RuleFile f : files) {
            if (f.path().startsWith(TABLES_DIR) && isTable(f.path())) {
                if (!isTest(f.path())) sheets.addAll(DecisionTables.compile(f, problems));
            } else if (f.path().startsWith(RULES_DIR) && f.path().endsWith(".drl")) {
                drlFiles++;
                logicBuilder.add(resource(f.path(), f.content()), ResourceType.DRL);
            }
        }
        for (KnowledgeBuilderError e : logicBuilder.getErrors()) {
            String file = e.getResource() == null ? RULES_DIR : e.getResource().getSourcePath();
            problems.add(new LoadProblem(file, null, firstLine(e) > 0 ? firstLine(e) : null, null, null, "drl_error",
                    "Lỗi biên dịch DRL: " + e.getMessage(), "DRL build error: " + e.getMessage()));
        }
        if (drlFiles == 0) {
            problems.add(LoadProblem.ofFile(RULES_DIR, "no_logic", "Không có tệp .drl nào trong rules/.", "There is no .drl file in rules/."));
        }
        if (sheets.isEmpty() && problems.isEmpty()) {
            problems.add(LoadProblem.ofFile(TABLES_DIR, "no_tables", "Không có bảng quyết định .drl.xlsx nào.", "There is no .drl.xlsx decision table."));
        }
        if (!problems.isEmpty()) throw new RulesetBuildException(versionId, problems);

        KnowledgeBuilder tableBuilder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, DecisionTables.CompiledSheet> bySource = new HashMap<>();
        Map<String, DecisionTables.RowOrigin> origins = new HashMap<>();
        for (DecisionTables.CompiledSheet s : sheets) {
            bySource.put(s.sourcePath(), s);
            origins.putAll(s.origins());
            tableBuilder.add(resource(s.sourcePath(), s.drl().getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResourceType.DRL);
        }
        for (KnowledgeBuilderError e : tableBuilder.getErrors()) {
            DecisionTables.CompiledSheet s = e.getResource() == null ? null : bySource.get(e.getResource().getSourcePath());
            String vi = "Drools không biên dịch được dòng này: " + e.getMessage();
            String en = "Drools cannot compile this row: " + e.getMessage();
            if (s == null) {
                problems.add(LoadProblem.ofFile(TABLES_DIR, "table_error", vi, en));
            } else {
                LoadProblem p = s.locate(Math.max(firstLine(e), 1), "table_error", vi, en);
                if (p.value() != null && TableGate.containsSmartQuote(p.value())) {
                    p = new LoadProblem(p.file(), p.sheet(), p.row(), p.cell(), p.value(), "smart_quotes",
                            "Ô có dấu ngoặc kép kiểu chữ (“ ” ‘ ’); hãy gõ lại bằng dấu \" thẳng. " + vi,
                            "The cell contains typographic quotes (“ ” ‘ ’); retype them as straight \" quotes. " + en);
                }
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) throw new RulesetBuildException(versionId, problems);

        PolicyRows rows = new PolicyRows();
        KieBase tables = tableBuilder.newKieBase();
        StatelessKieSession session = tables.newStatelessKieSession();
        session.setGlobal("policy", rows);
        session.execute(List.of());
        Policy policy = PolicyReader.read(rows.rows(), origins, problems);
        if (!problems.isEmpty()) throw new RulesetBuildException(versionId, problems);

        Engine engine = new Engine(versionId, policy, logicBuilder.newKieBase());
        return new RulesetSnapshot(engine, RuleFiles.sorted(files), Instant.now(), origin);
    }

    static boolean isTable(String path) {
        return path.endsWith(".drl.xlsx");
    }

    /** Test workbooks live beside the rules but are cases to check, not rules. */
    static boolean isTest(String path) {
        return path.startsWith(TABLES_DIR + "tests/");
    }

    static ByteArrayResource resource(String path, byte[] content) {
        ByteArrayResource r = new ByteArrayResource(content, "UTF-8");
        r.setSourcePath(path);
        r.setResourceType(ResourceType.DRL);
        return r;
    }

    private static int firstLine(KnowledgeBuilderError e) {
        int[] lines = e.getLines();
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }
}
