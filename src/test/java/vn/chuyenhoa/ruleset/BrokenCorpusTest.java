package vn.chuyenhoa.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.BrokenCorpus;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.Scenarios;

/**
 * Every file of the broken-table corpus (src/test/resources/broken-tables, made by {@link BrokenCorpus}) uploaded
 * through the running server on top of the shipped tables: each is refused with 422 and a report that names the file,
 * sheet, row, cell and value the manifest expects, the version in force stays, the attempt is logged as REJECTED and
 * no version is stored. The file-size limit is lowered so that one corpus file can be oversized and stay small.
 */
// a server of its own: the corpus is sized to a file limit of its own (chuyenhoa.ruleset.max-file-bytes)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:corpus;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false", "chuyenhoa.ruleset.max-file-bytes=" + BrokenCorpus.MAX_FILE_BYTES})
class BrokenCorpusTest {

    @LocalServerPort
    int port;

    static List<JsonNode> corpus() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        Scenarios.JSON.readTree(BrokenCorpus.DIR.resolve(BrokenCorpus.MANIFEST).toFile()).forEach(entries::add);
        return entries;
    }

    @Test
    void theManifestNamesEveryCorpusFileAndOnlyTheOversizedOneIsOverTheLimit() throws IOException {
        List<JsonNode> entries = corpus();
        assertTrue(entries.size() >= 24, "at least 24 broken workbooks: " + entries.size());
        Set<String> listed = new TreeSet<>();
        for (JsonNode e : entries) assertTrue(listed.add(e.get("corpusFile").asString()), "listed once: " + e);
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(BrokenCorpus.DIR)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(BrokenCorpus.MANIFEST)).forEach(present::add);
        }
        assertEquals(present, listed);
        for (JsonNode e : entries) {
            long size = Files.size(BrokenCorpus.DIR.resolve(e.get("corpusFile").asString()));
            boolean oversized = "file_too_large".equals(e.get("expected").get("code").asString());
            assertEquals(oversized, size > BrokenCorpus.MAX_FILE_BYTES, e.get("corpusFile").asString() + " has " + size + " bytes");
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void eachBrokenFileIsRefusedWithItsCellAndChangesNothing(JsonNode entry) throws IOException {
        Http http = new Http(port);
        String name = entry.get("corpusFile").asString();
        JsonNode expected = entry.get("expected");
        String activeBefore = http.get("/api/v1/ruleset").json().get("version").asString();
        long versionsBefore = http.get("/api/v1/rulesets").json().get("totalItems").asLong();

        String comment = "corpus: " + name;
        Http.Response r = http.postMultipart("/api/v1/rulesets", Map.of("comment", comment),
                Map.of(entry.get("upload").asString(), Files.readAllBytes(BrokenCorpus.DIR.resolve(name))));

        JsonNode problem = Http.assertProblem(r, 422);
        JsonNode report = problem.get("report");
        assertFalse(report.get("valid").asBoolean(), r::describe);
        JsonNode problems = report.get("problems");
        assertTrue(problems.size() >= 1, r::describe);
        // the defect is the first thing the report names, located exactly; anything after it must not hide it
        JsonNode first = problems.get(0);
        String where = name + " (" + entry.get("defect").asString() + "): " + problems;
        assertEquals(text(expected, "code"), text(first, "code"), where);
        assertEquals(text(expected, "file"), text(first, "file"), where);
        assertEquals(text(expected, "sheet"), text(first, "sheet"), where);
        assertEquals(text(expected, "row"), text(first, "row"), where);
        assertEquals(text(expected, "cell"), text(first, "cell"), where);
        assertEquals(text(expected, "value"), text(first, "value"), where);
        String cell = text(expected, "cell");
        assertEquals(cell == null ? null : cell.replaceAll("\\d+$", ""), text(first, "column"), where);
        for (JsonNode p : problems) {
            assertFalse(text(p, "messageVi") == null || text(p, "messageVi").isBlank(), where);
            assertFalse(text(p, "messageEn") == null || text(p, "messageEn").isBlank(), where);
        }

        assertEquals(activeBefore, http.get("/api/v1/ruleset").json().get("version").asString(), "the version in force stays");
        JsonNode head = http.get("/api/v1/ruleset-actions").json().get(0);
        assertEquals("REJECTED", head.get("action").asString(), head::toString);
        assertEquals(comment, head.get("comment").asString(), head::toString);
        assertEquals("kiemthu", head.get("actor").asString(), "the signed-in caller is recorded, not a name the request gives");
        assertEquals(activeBefore, head.get("fromVersion").asString(), head::toString);
        assertTrue(head.get("toVersion") == null || head.get("toVersion").isNull(), head::toString);
        assertEquals(versionsBefore, http.get("/api/v1/rulesets").json().get("totalItems").asLong(), "no version was stored");
    }

    /** A field as text; absent and JSON null are both null (the report leaves out what a problem cannot name). */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
