package vn.chuyenhoa.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.audit.Canonical;
import vn.chuyenhoa.monitoring.MonitoringApiTest;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.Scenarios;

/**
 * A bounded, seeded fuzzer through the running server: every operation the API description lists and every form
 * the pages offer, sent by every role (the demo tokens, an administrator's session, no one) with wrong types, huge
 * and negative numbers, deep nesting, bad encodings, odd or missing headers, bad ids, injection strings and wrong
 * methods. No answer may be a 5xx, and a refused request (4xx) may store nothing but the record of a refused rule
 * change. Request bodies are drawn from the operation's request schema where the description gives one, so a richer
 * description makes richer requests; without one, from the example documents and random JSON.
 *
 * <p>Reproduce a failure with {@code -Dfuzz.seed=<seed>} (the seed is in the failure message); {@code -Dfuzz.requests}
 * changes the count.
 */
// a server of its own: 3,000 seeded requests as every role may change accounts, tokens and rulesets the others rely on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1", "chuyenhoa.warmup.evaluations=0",
        "spring.main.banner-mode=off"})
class FuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_205L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);

    /** The demo accounts' tokens, one role each, an all-role tester, and no token at all. */
    static final List<String> TOKENS = List.of("demo-token-hethong", "demo-token-canbo", "demo-token-canbo-dienbien",
            "demo-token-soanthao", "demo-token-soanthao-bacgiang", "demo-token-pheduyet", "demo-token-kiemtoan",
            Http.TESTER, "");

    static final List<String> STRINGS = List.of("", " ", "a", "' OR '1'='1' --", "\"; DROP TABLE evaluation; --",
            "<script>alert(1)</script>", "${7*7}", "#{7*7}", "*{T(java.lang.Runtime).getRuntime()}", "../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd", "\u0000", "x\\\"); System.out.println(1); //", "\uD800", "𝕏🙂", "Phường Nếnh",
            "null", "true", "-1", "1e309", "2020-02-30", "9999-12-31", "0000-00-00", "00000000-0000-0000-0000-000000000000",
            "QD124_2004", "QD19_2025", "11", "24", "03127", "TRANSFORMED", "PROGRESS", "FINAL", "x".repeat(5000),
            "\r\nSet-Cookie: a=b", "%zz", "%", "\t\n", "ﾟ", "١٢٣");
    static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "1e308", "-1e308", "1.5", "0.0000001", "NaN", "1e400",
            "99999999999999999999999999");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final Random random = new Random(SEED);
    private HttpClient client;
    private HttpClient session;
    private String sessionCsrf;
    private JsonNode apiDocs;
    private final Map<String, List<String>> known = new LinkedHashMap<>();

    record Op(String method, String path, List<JsonNode> parameters, JsonNode bodySchema, String bodyType) {}

    record Form(String action, String method, List<String> fields) {}

    record Sent(String method, String target, String token, String contentType, int bodyBytes, String bodyStart) {
        @Override
        public String toString() {
            return method + " " + target + " token=" + (token.isEmpty() ? "-" : token) + " type=" + contentType
                    + " body(" + bodyBytes + ")=" + bodyStart;
        }
    }

    @Test
    void noCallerMakesA5xxAndNoRefusedRequestStoresAnything() throws Exception {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Http http = new Http(port);
        apiDocs = http.get("/v3/api-docs").json();
        seedKnownValues(http);
        signInAdministrator();
        List<Op> ops = operations();
        List<Form> forms = forms();
        assertTrue(ops.size() >= 20, "the API description lists the operations: " + ops.size());
        assertTrue(forms.size() >= 5, "the pages offer forms: " + forms);

        List<String> failures = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        long start = System.nanoTime();
        int sent = 0;
        int[] byClass = new int[6];
        for (int i = 0; i < REQUESTS; i++) {
            long[] before = counts();
            Sent s;
            int status;
            try {
                // a quarter go to each operation in turn, as a caller who means well would send them: the rest bent
                Object[] r = i % 4 == 3 ? sendForm(forms.get(random.nextInt(forms.size())), covered)
                        : sendOperation(ops.get(i % 4 == 0 ? (i / 4) % ops.size() : random.nextInt(ops.size())),
                        i % 4 == 0, covered);
                s = (Sent) r[0];
                status = (Integer) r[1];
            } catch (IOException e) {
                failures.add("#" + i + " connection failed: " + e);
                continue;
            }
            sent++;
            byClass[Math.min(5, status / 100)]++;
            if (status >= 500) {
                failures.add("#" + i + " " + status + " ← " + s);
            } else if (status >= 400) {
                long[] after = counts();
                for (int t = 0; t < after.length; t++) {
                    if (after[t] != before[t]) {
                        failures.add("#" + i + " " + status + " stored " + (after[t] - before[t]) + " row(s) in "
                                + COUNTED.get(t) + " ← " + s);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("FUZZ: seed %d, %d requests in %.1f s (%.0f/s): 2xx %d, 3xx %d, 4xx %d, 5xx %d;"
                        + " %d operations, %d forms, %d of them reached%n", SEED, sent, seconds, sent / seconds,
                byClass[2], byClass[3], byClass[4], byClass[5], ops.size(), forms.size(), covered.size());
        Set<String> missed = new LinkedHashSet<>();
        ops.forEach(o -> missed.add(o.method() + " " + o.path()));
        forms.forEach(f -> missed.add("form " + f.action()));
        missed.removeAll(covered);
        assertTrue(missed.isEmpty(), "not reached: " + missed);
        assertTrue(failures.isEmpty(), "seed " + SEED + " (-Dfuzz.seed=" + SEED + "): " + failures.size()
                + " failure(s):\n" + failures.stream().limit(25).collect(Collectors.joining("\n")));
        assertTrue(byClass[2] > REQUESTS / 100, "some requests must get through, or the fuzzer tests only refusals");
    }

    // ---- what a refused request must not change ----------------------------------------------------------------

    /**
     * Every audited table, and the chain. A refused rule change is recorded on purpose (the REJECTED or REFUSED action
     * and, for files that did not build, the load failure the health report shows), so those rows are left out.
     */
    static final List<String> COUNTED = new ArrayList<>();

    static {
        Canonical.TABLES.stream().filter(t -> !t.name().equals("ruleset_load_failure"))
                .forEach(t -> COUNTED.add(t.name().equals("ruleset_action")
                        ? "ruleset_action WHERE action NOT IN ('REJECTED', 'REFUSED')" : t.name()));
        COUNTED.add("audit_chain WHERE kind NOT IN ('RULESET_ACTION', 'LOAD_FAILURE')");
    }

    private long[] counts() {
        String sql = "SELECT " + COUNTED.stream().map(t -> "(SELECT COUNT(*) FROM " + t + ")")
                .collect(Collectors.joining(", "));
        return jdbc.query(sql, rs -> {
            rs.next();
            long[] n = new long[COUNTED.size()];
            for (int i = 0; i < n.length; i++) n[i] = rs.getLong(i + 1);
            return n;
        });
    }

    // ---- where requests go --------------------------------------------------------------------------------------

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = apiDocs.get("paths").properties().iterator(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().properties().iterator(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> op = m.next();
                List<JsonNode> params = new ArrayList<>();
                op.getValue().path("parameters").forEach(params::add);
                JsonNode content = op.getValue().path("requestBody").path("content");
                String type = content.isObject() && content.properties().iterator().hasNext()
                        ? content.properties().iterator().next().getKey() : null;
                JsonNode schema = type == null ? null : resolve(content.get(type).path("schema"));
                ops.add(new Op(op.getKey().toUpperCase(), path.getKey(), params, schema, type));
            }
        }
        return ops;
    }

    /** The forms of the pages each role sees, as a browser would find them. */
    private List<Form> forms() throws Exception {
        Map<String, Form> found = new LinkedHashMap<>();
        String area = "/programmes/QD124_2004/11";
        List<String> pages = new ArrayList<>(List.of("/", "/evaluations", "/rulesets", "/rulesets/upload",
                "/screenings/new", "/monitoring-reports/new", "/admin", area, "/login",
                "/evaluations/" + known.get("evaluation").get(0), "/rulesets/" + known.get("version").get(0),
                "/rulesets/" + known.get("version").get(0) + "/activate", "/admin/accounts/hethong"));
        Pattern form = Pattern.compile("<form([^>]*)>(.*?)</form>", Pattern.DOTALL);
        Pattern attr = Pattern.compile("(action|method)=\"([^\"]*)\"");
        Pattern field = Pattern.compile("<(?:input|select|textarea)[^>]*name=\"([^\"]+)\"");
        for (String page : pages) {
            String html = new String(send("GET", page, Http.TESTER, null, null, Map.of()).body(), StandardCharsets.UTF_8);
            Matcher f = form.matcher(html);
            while (f.find()) {
                Map<String, String> a = new LinkedHashMap<>();
                Matcher am = attr.matcher(f.group(1));
                while (am.find()) a.put(am.group(1), am.group(2).replace("&amp;", "&"));
                String action = a.getOrDefault("action", page);
                if (action.isEmpty()) action = page;
                action = action.replaceAll("[?&]lang=[a-z]+", "");
                List<String> fields = new ArrayList<>();
                Matcher fm = field.matcher(f.group(2));
                while (fm.find()) fields.add(fm.group(1));
                String method = a.getOrDefault("method", "get").toUpperCase();
                found.putIfAbsent(method + " " + action, new Form(action, method, fields));
            }
        }
        return new ArrayList<>(found.values());
    }

    // ---- requests ------------------------------------------------------------------------------------------------

    private Object[] sendOperation(Op op, boolean plain, Set<String> covered) throws IOException, InterruptedException {
        String method = !plain && random.nextInt(12) == 0 ? pick(List.of("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "HEAD", "GET", "POST", "PROPFIND"))
                : op.method();
        StringBuilder path = new StringBuilder();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String target = op.path();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asString();
            String in = p.path("in").asString();
            String value = parameterValue(name, resolve(p.path("schema")), plain);
            switch (in) {
                case "path" -> target = target.replace("{" + name + "}", encodePath(value));
                case "query" -> { if (random.nextInt(4) > 0) query.put(name, value); }
                case "header" -> { if (random.nextBoolean()) headers.put(name, value.replaceAll("[\\r\\n]", "")); }
                default -> { }
            }
        }
        target = target.replaceAll("\\{\\*?[a-zA-Z]+}", encodePath(pick(STRINGS)));
        path.append(target);
        if (random.nextInt(10) == 0) query.put(pick(List.of("page", "size", "lang", "x", "verdict")), pick(NUMBERS));
        if (!query.isEmpty()) path.append('?').append(queryString(query));

        String type = op.bodyType();
        byte[] body = null;
        if (op.bodySchema() != null || method.equals("POST") || method.equals("PUT")) {
            if (type != null && type.startsWith("multipart/")) {
                Object[] mp = multipart(op.bodySchema());
                type = (String) mp[0];
                body = (byte[]) mp[1];
            } else {
                type = type == null ? "application/json" : type;
                body = jsonBody(op, plain).getBytes(StandardCharsets.UTF_8);
            }
            if (!plain) {
                body = mangleBody(body);
                type = mangleType(type);
            }
        }
        if (!plain) oddHeaders(headers);
        String token = plain ? Http.TESTER : pick(TOKENS);
        HttpResponse<byte[]> r = send(method, path.toString(), token, type, body, headers);
        if (method.equals(op.method())) covered.add(op.method() + " " + op.path());
        return new Object[] {new Sent(method, path.toString(), token, type, body == null ? 0 : body.length,
                body == null ? "" : new String(body, 0, Math.min(200, body.length), StandardCharsets.UTF_8)), r.statusCode()};
    }

    private Object[] sendForm(Form f, Set<String> covered) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : f.fields()) {
            if (name.equals("_csrf")) continue;
            if (random.nextInt(6) == 0) continue;
            fields.put(name, random.nextBoolean() ? formValue(name) : pick(STRINGS));
        }
        if (random.nextInt(8) == 0) fields.put(pick(STRINGS).replaceAll("[^a-z]", "") + "x", pick(STRINGS));
        String method = random.nextInt(10) == 0 ? pick(List.of("PUT", "GET", "DELETE")) : f.method();
        boolean asSession = random.nextInt(3) == 0;
        String token = asSession ? "" : pick(TOKENS);
        if (asSession && sessionCsrf != null && random.nextInt(5) > 0) fields.put("_csrf", sessionCsrf);
        String body = queryString(fields);
        HttpResponse<byte[]> r;
        String type = "application/x-www-form-urlencoded";
        if (f.action().contains("upload") || f.fields().contains("files")) {
            Object[] mp = multipart(null);
            type = (String) mp[0];
            r = send(method, f.action(), token, type, mangleBody((byte[]) mp[1]), Map.of(), asSession);
        } else if (method.equals("GET")) {
            r = send("GET", f.action() + (f.action().contains("?") ? "&" : "?") + body, token, null, null, Map.of(), asSession);
        } else {
            r = send(method, f.action(), token, type, mangleBody(body.getBytes(StandardCharsets.UTF_8)), Map.of(), asSession);
        }
        covered.add("form " + f.action());
        return new Object[] {new Sent(method + " form", f.action(), asSession ? "session" : token, type, body.length(),
                body.substring(0, Math.min(200, body.length()))), r.statusCode()};
    }

    private HttpResponse<byte[]> send(String method, String target, String token, String type, byte[] body,
                                      Map<String, String> headers) throws IOException, InterruptedException {
        return send(method, target, token, type, body, headers, false);
    }

    private HttpResponse<byte[]> send(String method, String target, String token, String type, byte[] body,
                                      Map<String, String> headers, boolean asSession) throws IOException, InterruptedException {
        if (method.equals("TRACE") || method.equals("PROPFIND") || method.equals("CONNECT")) {
            return rawMethod(method, target, token);
        }
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            // an address java.net.http will not send: the same request with its query encoded
            return send(method, target.replace("%", "%25").replaceAll("[^\\x21-\\x7e]", "_"), token, type, body, headers, asSession);
        }
        if (type != null) b.header("Content-Type", type);
        if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            try {
                b.header(h.getKey(), h.getValue());
            } catch (IllegalArgumentException e) {
                // a header java.net.http refuses to send (Host, Connection…) is simply left out
            }
        }
        return (asSession ? session : client).send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Methods java.net.http refuses to send, written on a socket. */
    private HttpResponse<byte[]> rawMethod(String method, String target, String token) throws IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write((method + " " + target.replaceAll("[\\s]", "_") + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] head = s.getInputStream().readNBytes(12);
            int status = Integer.parseInt(new String(head, StandardCharsets.ISO_8859_1).substring(9, 12));
            return new RawResponse(status);
        }
    }

    // ---- values ----------------------------------------------------------------------------------------------------

    private void seedKnownValues(Http http) throws Exception {
        Http.Response evaluated = http.post("/api/v1/evaluations", Http.JSON,
                Files.readAllBytes(Path.of("examples/phuong-nenh-viet-yen.json")));
        known.put("evaluation", List.of(evaluated.json().get("id").asString(), UUID.randomUUID().toString(), "not-a-uuid",
                "../" + UUID.randomUUID()));
        known.put("version", List.of(jdbc.queryForObject("SELECT to_version FROM ruleset_action WHERE action = 'ACTIVATED'"
                + " ORDER BY seq DESC FETCH FIRST 1 ROW ONLY", String.class), "0".repeat(64), "v1", "%2e%2e"));
        known.put("examples", List.of(Files.readString(Path.of("examples/phuong-nenh-viet-yen.json")),
                Files.readString(Path.of("examples/screening-thanh-hoa.json")), MonitoringApiTest.BODY));
    }

    private void signInAdministrator() throws Exception {
        session = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        String login = new String(session.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        session.send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(queryString(Map.of("username", "quantri", "password",
                        "chuyenhoa-demo", "_csrf", csrf(login))))).build(), HttpResponse.BodyHandlers.discarding());
        String admin = new String(session.send(HttpRequest.newBuilder(base.resolve("/admin")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        sessionCsrf = csrf(admin);
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    private String parameterValue(String name, JsonNode schema, boolean plain) {
        if (!plain && random.nextInt(3) == 0) return pick(random.nextBoolean() ? STRINGS : NUMBERS);
        String lower = name.toLowerCase();
        if (lower.equals("id") || lower.contains("evaluation")) return pick(known.get("evaluation"));
        if (lower.contains("version") || lower.equals("a") || lower.equals("b")) return pick(known.get("version"));
        if (lower.contains("scheme")) return pick(List.of("QD124_2004", "QD19_2025", "X"));
        if (lower.contains("province")) return pick(List.of("11", "24", "38", "999", "-1"));
        return scalar(schema, name);
    }

    private String formValue(String name) {
        String lower = name.toLowerCase();
        if (lower.contains("json")) return mangleJson(pick(known.get("examples")));
        if (lower.contains("date") || lower.contains("from") || lower.contains("to")) return pick(List.of("2020-12-14",
                "14/12/2020", "2020-13-01", "-1"));
        if (lower.contains("roles")) return pick(List.of("ADMIN", "EVALUATOR", "GOD", ""));
        return pick(STRINGS);
    }

    private String jsonBody(Op op, boolean plain) {
        // a typed schema (properties, or a choice of them) makes the body; an untyped one leaves it to the examples
        if (op.bodySchema() != null && (op.bodySchema().has("properties") || op.bodySchema().has("allOf")
                || op.bodySchema().has("oneOf") || op.bodySchema().has("anyOf")) && random.nextBoolean()) {
            return Scenarios.JSON.writeValueAsString(fromSchema(op.bodySchema(), 0));
        }
        if (op.path().contains("evaluations") || op.path().contains("screenings") || op.path().contains("monitoring")) {
            String example = pick(known.get("examples"));
            return plain ? example : mangleJson(example);
        }
        if (plain) return "{\"comment\":\"Kiểm thử\",\"reason\":\"Kiểm thử\"}";
        return random.nextInt(3) == 0 ? "{\"comment\":" + jsonString(pick(STRINGS)) + "}" : randomJson(0);
    }

    /** A value the schema describes, often bent: wrong types, extremes and unknown keys. */
    private Object fromSchema(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (random.nextInt(8) == 0 || depth > 6) return wrongValue();
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && !schema.get(choice).isEmpty()) {
                return fromSchema(schema.get(choice).get(random.nextInt(schema.get(choice).size())), depth + 1);
            }
        }
        if (schema.has("allOf")) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (JsonNode part : schema.get("allOf")) {
                if (fromSchema(part, depth + 1) instanceof Map<?, ?> m) m.forEach((k, v) -> merged.put((String) k, v));
            }
            return merged;
        }
        // OpenAPI 3.1 writes a nullable type as ["string", "null"]
        JsonNode types = schema.path("type");
        String type = types.isArray() && !types.isEmpty() ? types.get(random.nextInt(types.size())).asString()
                : types.asString("");
        if (type.equals("null")) return null;
        if (type.isEmpty() && schema.has("properties")) type = "object";
        if (schema.has("enum") && random.nextInt(4) > 0) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asString()));
            return pick(values);
        }
        switch (type) {
            case "object": {
                Map<String, Object> o = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").properties().iterator(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = p.next();
                    if (random.nextInt(6) > 0) o.put(e.getKey(), fromSchema(e.getValue(), depth + 1));
                }
                if (random.nextInt(6) == 0) o.put("unknown" + random.nextInt(9), wrongValue());
                return o;
            }
            case "array": {
                List<Object> a = new ArrayList<>();
                int n = random.nextInt(10) == 0 ? 500 : random.nextInt(4);
                for (int i = 0; i < n; i++) a.add(fromSchema(schema.path("items"), depth + 1));
                return a;
            }
            case "integer", "number":
                return new java.math.BigDecimal(pick(NUMBERS.stream().filter(x -> !x.equals("NaN")).toList()));
            case "boolean":
                return random.nextBoolean();
            default:
                return scalar(schema, "");
        }
    }

    private String scalar(JsonNode schema, String name) {
        String format = schema == null ? "" : schema.path("format").asString("");
        return switch (format) {
            case "date" -> pick(List.of("2020-12-14", "2020-02-30", "20-1-1", "2025-07-01"));
            case "date-time" -> pick(List.of("2020-12-14T00:00:00Z", "2020-12-14", "yesterday"));
            case "uuid" -> pick(known.get("evaluation"));
            case "int32", "int64" -> pick(NUMBERS);
            default -> schema != null && schema.path("type").asString("").matches("integer|number") ? pick(NUMBERS)
                    : pick(STRINGS);
        };
    }

    private Object wrongValue() {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> new java.math.BigDecimal(pick(NUMBERS.stream().filter(x -> !x.equals("NaN")).toList()));
            case 3 -> List.of(pick(STRINGS));
            case 4 -> Map.of("a", pick(STRINGS));
            default -> pick(STRINGS);
        };
    }

    /** An example document with one thing wrong: a value replaced, a key dropped, the text cut or nested deep. */
    private String mangleJson(String doc) {
        return switch (random.nextInt(9)) {
            case 0 -> doc;
            case 1 -> doc.replaceFirst(":\\s*\"[^\"]*\"", Matcher.quoteReplacement(":" + jsonValueText()));
            case 2 -> doc.replaceFirst(":\\s*-?\\d+", Matcher.quoteReplacement(":" + pick(NUMBERS)));
            case 3 -> doc.substring(0, random.nextInt(Math.max(1, doc.length())));
            case 4 -> doc.replaceFirst("\\{", "{\"deep\":" + "[".repeat(3000) + "]".repeat(3000) + ",");
            case 5 -> doc.replaceFirst("\"[a-zA-Z]+\"\\s*:\\s*[^,{\\[]+,", "");
            case 6 -> doc.replaceFirst(":\\s*\\{", Matcher.quoteReplacement(":" + jsonValueText() + ",\"_\":{"));
            case 7 -> doc.replace("true", "\"true\"").replace("false", "0");
            default -> doc.replaceFirst(":\\s*\"[^\"]*\"", Matcher.quoteReplacement(":" + jsonString(pick(STRINGS))));
        };
    }

    private String jsonValueText() {
        Object v = wrongValue();
        return Scenarios.JSON.writeValueAsString(v);
    }

    private String randomJson(int depth) {
        if (depth > 3) return jsonString(pick(STRINGS));
        return switch (random.nextInt(6)) {
            case 0 -> "[" + randomJson(depth + 1) + "]";
            case 1 -> "{\"" + pick(List.of("comment", "reason", "username", "label", "roles", "x")) + "\":" + randomJson(depth + 1) + "}";
            case 2 -> pick(NUMBERS);
            case 3 -> "{" + "\"a\":{".repeat(2000) + "}".repeat(2001);
            case 4 -> "not json";
            default -> jsonString(pick(STRINGS));
        };
    }

    private byte[] mangleBody(byte[] body) {
        return switch (random.nextInt(14)) {
            case 0 -> new byte[0];
            case 1 -> concat(body, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
            case 2 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            case 3 -> "x=%zz&y=%E0%A4".getBytes(StandardCharsets.ISO_8859_1);
            default -> body;
        };
    }

    private String mangleType(String type) {
        return switch (random.nextInt(16)) {
            case 0 -> null;
            case 1 -> "*/*";
            case 2 -> "text/plain";
            case 3 -> "application/xml";
            case 4 -> "multipart/form-data";
            case 5 -> "application/json; charset=latin-9x";
            case 6 -> "application/x-www-form-urlencoded";
            case 7 -> "garbage";
            default -> type;
        };
    }

    private void oddHeaders(Map<String, String> headers) {
        switch (random.nextInt(10)) {
            case 0 -> headers.put("Accept", pick(List.of("application/xml", "*/*", "text/html", "image/png", "x")));
            case 1 -> headers.put("Idempotency-Key", pick(STRINGS).replaceAll("[\\r\\n\\u0000]", ""));
            case 2 -> headers.put("Accept-Language", "zz-ZZ;q=abc");
            case 3 -> headers.put("X-Forwarded-For", "' OR 1=1");
            case 4 -> headers.put("If-None-Match", "\"" + "a".repeat(3000) + "\"");
            default -> { }
        }
    }

    private Object[] multipart(JsonNode schema) {
        String boundary = "fz" + random.nextInt(1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        if (random.nextInt(4) > 0) fields.put("comment", pick(STRINGS));
        if (random.nextInt(5) == 0) fields.put("whole", pick(List.of("true", "false", "maybe")));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        int files = random.nextInt(3);
        for (int i = 0; i < files; i++) {
            String name = pick(List.of("decision-tables/profiles.drl.xlsx", "rules/evaluation.drl", "../../x.xlsx",
                    "a.xls", "", "programme.drl.xlsx", "%00.xlsx"));
            byte[] content = switch (random.nextInt(4)) {
                case 0 -> new byte[0];
                case 1 -> "PK\u0003\u0004 truncated zip".getBytes(StandardCharsets.ISO_8859_1);
                case 2 -> "rule \"x\" when then System.exit(1); end".getBytes(StandardCharsets.UTF_8);
                default -> pick(STRINGS).getBytes(StandardCharsets.UTF_8);
            };
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (random.nextInt(6) > 0) out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Object[] {"multipart/form-data; boundary=" + boundary, out.toByteArray()};
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema == null) return null;
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asString();
            JsonNode next = apiDocs;
            for (String part : ref.replaceFirst("^#/", "").split("/")) next = next.path(part);
            schema = next;
        }
        return schema;
    }

    private String queryString(Map<String, String> q) {
        return q.entrySet().stream().map(e -> (random.nextInt(15) == 0 ? e.getKey() : URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                + "=" + (random.nextInt(15) == 0 ? "%zz" + e.getValue().replaceAll("[^A-Za-z0-9]", "") : URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    private String encodePath(String v) {
        return random.nextInt(10) == 0 ? v.replaceAll("[^A-Za-z0-9%._-]", "") : URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String jsonString(String s) {
        return Scenarios.JSON.writeValueAsString(s);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Just the status of an answer read off a socket. */
    private record RawResponse(int statusCode) implements HttpResponse<byte[]> {
        @Override public HttpRequest request() { return null; }
        @Override public java.util.Optional<HttpResponse<byte[]>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        @Override public byte[] body() { return new byte[0]; }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return null; }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
