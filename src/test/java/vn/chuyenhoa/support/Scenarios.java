package vn.chuyenhoa.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The hand-worked cases of src/test/resources/scenarios/evaluations.json, with their fact sets merged in. */
public final class Scenarios {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    public record Case(String name, String why, String requestJson, JsonNode expect) {
        @Override
        public String toString() { return name; }
    }

    /** The request of api.md, word for word: examples/phuong-nenh-viet-yen.json (every VIET_YEN_2024 criterion met). */
    public static final String API_MD_EXAMPLE = read("examples/phuong-nenh-viet-yen.json");

    private Scenarios() {}

    private static String read(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> all() {
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/evaluations.json")) {
            JsonNode root = JSON.readTree(in);
            List<Case> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                ObjectNode request = (ObjectNode) c.get("request").deepCopy();
                ObjectNode facts = JSON.createObjectNode();
                if (c.has("baseFacts")) facts.setAll((ObjectNode) root.get("factSets").get(c.get("baseFacts").asString()));
                for (Map.Entry<String, JsonNode> e : request.get("facts").properties()) {
                    if (e.getValue().isNull()) facts.remove(e.getKey());
                    else facts.set(e.getKey(), e.getValue());
                }
                request.set("facts", facts);
                out.add(new Case(c.get("name").asString(), c.get("why").asString(), JSON.writeValueAsString(request), c.get("expect")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
