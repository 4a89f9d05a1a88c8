package vn.chuyenhoa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.chuyenhoa.evaluation.EvaluationRequest;
import vn.chuyenhoa.evaluation.EvaluationRequestParser;
import vn.chuyenhoa.http.Parsed;
import vn.chuyenhoa.evaluation.Requests;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.evaluation.Engine;
import vn.chuyenhoa.evaluation.EvaluationInput;
import vn.chuyenhoa.ruleset.RuleFiles;
import vn.chuyenhoa.ruleset.RulesetBuildException;
import vn.chuyenhoa.ruleset.RulesetBuilder;

/** What every benchmark runs on: the repository's own rule files and the fixed requests of bench-requests.json. */
public final class Workload {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One request: its name, its body as sent over HTTP, and the input the parser makes of it. */
    public record Request(String name, byte[] body, EvaluationInput input) {}

    private Workload() {}

    /**
     * The repository root: {@code -Dbench.root}, else {@code BENCH_ROOT}, else the nearest folder at or above the
     * working directory that holds {@code rules/} and {@code decision-tables/} (JMH forks keep the working directory).
     */
    public static Path root() {
        String given = System.getProperty("bench.root", System.getenv("BENCH_ROOT"));
        if (given != null && !given.isBlank()) return Path.of(given).toAbsolutePath().normalize();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("rules")) && Files.isDirectory(p.resolve("decision-tables"))) return p;
        }
        throw new IllegalStateException("no rules/ and decision-tables/ at or above " + Path.of("").toAbsolutePath()
                + "; set -Dbench.root");
    }

    /** The engine exactly as the service builds it at start-up. */
    public static Engine engine() {
        try {
            return RulesetBuilder.build(RuleFiles.read(root(), List.of("rules", "decision-tables")), "BENCH").engine();
        } catch (RulesetBuildException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The request bodies of bench-requests.json, compact, in file order. */
    public static List<String> bodies() {
        List<String> out = new ArrayList<>();
        for (JsonNode r : file().get("requests")) out.add(JSON.writeValueAsString(r.get("body")));
        return out;
    }

    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (JsonNode r : file().get("requests")) out.add(r.get("name").asString());
        return out;
    }

    /** Every request parsed and checked by the service's own parser, as the controller does before judging. */
    public static List<Request> requests(Engine engine, AreaDirectory areas) {
        EvaluationRequestParser parser = new EvaluationRequestParser(new Requests.World(engine, areas));
        List<String> bodies = bodies(), names = names();
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
            Parsed<EvaluationRequest> parsed = parser.parse(body);
            if (!parsed.isValid()) {
                throw new IllegalStateException("benchmark request " + names.get(i) + " is refused: " + parsed);
            }
            EvaluationRequest req = parsed.value();
            out.add(new Request(names.get(i), body, Requests.input(req, areas)));
        }
        return out;
    }

    private static JsonNode file() {
        try (InputStream in = Workload.class.getResourceAsStream("/bench-requests.json")) {
            if (in == null) throw new IllegalStateException("bench-requests.json is not on the class path");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
