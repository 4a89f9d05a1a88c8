package vn.chuyenhoa.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;

/**
 * The six causes by which a caller could make the service answer 500 (issue 10: 54 of 10,053 fuzzed requests), each
 * answered now as a 4xx problem that changes nothing; methods the service does not offer answer 405; pages say where
 * their scripts may come from and what a link may tell the next site.
 */
@RunningServer
class CallerErrorsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void multipartWithoutABoundaryIsABadRequest() {
        long before = count("ruleset_version");
        for (String path : new String[] {"/api/v1/rulesets", "/rulesets/upload"}) {
            Http.Response r = http.post(path, "multipart/form-data", "--x\r\nnothing\r\n".getBytes(StandardCharsets.UTF_8));
            assertClientProblem(r);
        }
        assertEquals(before, count("ruleset_version"));
    }

    @Test
    void aWildcardContentTypeOnActivateAndImpactIsRefused() {
        String version = jdbc.queryForObject("SELECT to_version FROM ruleset_action WHERE action = 'ACTIVATED'"
                + " ORDER BY seq DESC FETCH FIRST 1 ROW ONLY", String.class);
        long actions = count("ruleset_action");
        for (String type : new String[] {"*/*", "application/*", "*/json"}) {
            for (String action : new String[] {"activate", "impact"}) {
                Http.Response r = http.post("/api/v1/rulesets/" + version + "/" + action, type,
                        "{\"comment\":\"thử\"}".getBytes(StandardCharsets.UTF_8));
                assertClientProblem(r);
            }
        }
        assertEquals(actions, count("ruleset_action"));
    }

    @Test
    void aPageFarBeyondTheLastIsAnEmptyPageNotAnOverflow() {
        // the page's search filters in memory (a verdict, a scan) and cut the page at page × size
        for (String query : new String[] {"page=2147483647&size=200", "page=21474836&size=100", "page=1073741824&size=50"}) {
            Http.Response api = http.get("/api/v1/evaluations?" + query);
            assertEquals(200, api.status(), api::describe);
            assertEquals(0, api.json().get("items").size(), api::describe);
            Http.Response page = http.get("/evaluations?" + query + "&area=nenh&verdict=TRANSFORMED");
            assertEquals(200, page.status(), page::describe);
        }
        Http.Response tooBig = http.get("/api/v1/evaluations?page=99999999999&size=2");
        Http.assertFieldError(tooBig, "page", "invalid_value");
    }

    @Test
    void badPercentEncodingInTheDiffIsABadRequest() throws IOException {
        for (String target : new String[] {"/rulesets/diff?a=%zz&b=%E0%A4", "/rulesets/diff?a=%&b=1",
                "/api/v1/rulesets/%E0%A4/diff/%zz", "/api/v1/evaluations?provinceCode=%C3%28"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Http.TESTER
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 4"), target + " → " + answer);
            assertTrue(answer.contains("application/problem+json"), target + " → " + answer);
        }
    }

    @Test
    void aBadRequestNamesTheFieldItCould() {
        Http.assertFieldError(http.get("/api/v1/evaluations?codeScheme=QD124_2004&areaCode=%FF%FE"), "areaCode", "undecodable");
        // a multipart body that cannot be split is the body's fault, which names no field
        Http.assertFieldError(http.post("/api/v1/evaluations", "multipart/form-data",
                "{}".getBytes(StandardCharsets.UTF_8)), null, "unreadable_multipart");
    }

    @Test
    void aControlCharacterInFreeTextIsRefusedAndNeverEchoed() throws IOException {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("examples/phuong-nenh-viet-yen.json"));
        Http.Response created = http.postJson("/api/v1/evaluations", example);
        assertEquals(201, created.status(), created::describe);
        String id = created.json().get("id").asString();
        long events = count("evaluation_status_event");
        for (String reason : new String[] {"a\\u0000b", "a\\u001bb", "a\\u007fb"}) {
            Http.assertFieldError(http.postJson("/api/v1/evaluations/" + id + "/withdrawal", "{\"reason\":\"" + reason + "\"}"),
                    "reason", "control_character");
        }
        assertEquals(events, count("evaluation_status_event"), "nothing withdrawn");
        // line breaks and tabs are text
        assertEquals(200, http.postJson("/api/v1/evaluations/" + id + "/withdrawal",
                "{\"reason\":\"dòng 1\\ndòng\\t2\"}").status());
        Http.Response replay = http.post("/api/v1/evaluations/" + id + "/replay?version=%00", null, new byte[0]);
        Http.assertProblem(replay, 404);
        assertFalse(replay.text().contains("\\u0000") || replay.text().indexOf(0) >= 0, replay::describe);
    }

    @Test
    void anOversizedFormPostIsRefusedAsTooLarge() {
        byte[] form = ("json=" + "a".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        long screenings = count("screening");
        for (String path : new String[] {"/screenings/new", "/login", "/admin/accounts"}) {
            Http.Response r = http.post(path, "application/x-www-form-urlencoded", form);
            assertTrue(r.status() / 100 == 4, r::describe);
        }
        assertEquals(screenings, count("screening"));
    }

    @Test
    void anUploadWithAnEmptyDrlIsRefusedAtTheFile() {
        long versions = count("ruleset_version");
        Http.Response r = http.postMultipart("/api/v1/rulesets", Map.of("comment", "DRL rỗng"),
                Map.of("rules/evaluation.drl", new byte[0]));
        assertClientProblem(r);
        assertEquals(versions, count("ruleset_version"));
    }

    @Test
    void methodsTheServiceDoesNotOfferAnswer405() throws IOException {
        for (String method : new String[] {"CONNECT", "TRACE", "PROPFIND", "PATCH", "DELETE", "FOO"}) {
            for (String path : new String[] {"/api/v1/evaluations", "/evaluations", "/"}) {
                String answer = raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + Http.TESTER + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 405"), method + " " + path + " → " + answer);
            }
        }
        String connect = raw("CONNECT localhost:" + port + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(connect.startsWith("HTTP/1.1 405") || connect.startsWith("HTTP/1.1 400"), connect);
    }

    @Test
    void aMethodAnAddressDoesNotTakeIs405ForAnyoneSignedInNot403() throws IOException {
        // the auditor may use none of these methods here, nor may anyone else: the method is missing, not the role
        for (String request : new String[] {"PUT /api/v1/evaluations", "POST /api/v1/audit/verify",
                "PUT /api/v1/rulesets/x/activate"}) {
            String answer = raw(request + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer demo-token-kiemtoan"
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 405"), request + " → " + answer);
            assertTrue(answer.contains("application/problem+json") && answer.contains("\nAllow: "), request + " → " + answer);
            assertTrue(answer.contains("urn:chuyenhoa:problem:method-not-allowed"), request + " → " + answer);
        }
        String options = raw("OPTIONS /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + "demo-token-kiemtoan\r\nConnection: close\r\n\r\n");
        assertTrue(options.startsWith("HTTP/1.1 200") && options.contains("\nAllow: "), options);
        String head = raw("HEAD /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + "demo-token-kiemtoan\r\nConnection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        // a method the address takes but the role may not use stays 403, and no one unsigned learns anything
        Http.assertProblem(new Http(port, "demo-token-kiemtoan").postJson("/api/v1/evaluations", "{}"), 403);
        Http.assertProblem(new Http(port, null).send("PUT", "/api/v1/evaluations", Http.JSON, "{}"), 401);
    }

    @Test
    void pagesSayWhereScriptsMayComeFromAndWhatALinkTells() throws IOException {
        for (String path : new String[] {"/login", "/evaluations", "/swagger-ui/index.html"}) {
            Http.Response r = http.get(path);
            assertEquals(200, r.status(), r::describe);
            String csp = r.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("'unsafe-inline'") && csp.matches(".*script-src[^;]*'unsafe-inline'.*"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), csp);
            assertEquals("same-origin", r.header("Referrer-Policy").orElse(""), path);
        }
        // the printable page's button is a script file the policy allows, not an inline handler it would block
        Http.Response evaluated = http.post("/api/v1/evaluations", Http.JSON,
                java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples/phuong-nenh-viet-yen.json")));
        assertEquals(201, evaluated.status(), evaluated::describe);
        Http.Response print = http.get("/evaluations/" + evaluated.json().get("id").asString() + "/print");
        assertEquals(200, print.status(), print::describe);
        assertFalse(print.text().contains("onclick=") || print.text().contains("<script>"), print::describe);
        assertTrue(print.text().contains("/js/print.js"), print::describe);
        Http.Response script = new Http(port, null).get("/js/print.js");
        assertEquals(200, script.status(), script::describe);
    }

    @Test
    void everyKindOfRefusalSaysWhatAndWhyInVietnamese() throws IOException {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("examples/phuong-nenh-viet-yen.json"));
        Http.Response created = http.postJson("/api/v1/evaluations", example);
        assertEquals(201, created.status(), created::describe);
        String id = created.json().get("id").asString();
        assertEquals(200, http.postJson("/api/v1/evaluations/" + id + "/withdrawal", "{\"reason\":\"nhập sai\"}").status());
        String key = "refusals-" + java.util.UUID.randomUUID();
        assertEquals(201, http.postJson("/api/v1/evaluations", example, "Idempotency-Key", key).status());
        Http auditor = new Http(port, "demo-token-kiemtoan");

        java.util.List<Http.Response> refusals = java.util.List.of(
                http.postJson("/api/v1/evaluations", "{}"),
                http.get("/api/v1/evaluations/abc"),
                http.get("/api/v1/profiles/NOPE"),
                http.postJson("/api/v1/evaluations/" + id + "/withdrawal", "{\"reason\":\"lần hai\"}"),
                http.postJson("/api/v1/evaluations", example.replaceFirst("\\{", "{\"supersedes\":\"" + id + "\",\"reason\":\"nhập lại\",")),
                http.postJson("/api/v1/evaluations", example.replace("\"casesCleared\": 11", "\"casesCleared\": 10"),
                        "Idempotency-Key", key),
                http.post("/api/v1/evaluations", null, example.getBytes(StandardCharsets.UTF_8)),
                http.post("/api/v1/evaluations", "text/plain", example.getBytes(StandardCharsets.UTF_8)),
                http.get("/api/v1/evaluations", "Accept", "application/xml"),
                auditor.get("/api/v1/nothing"));
        int[] expected = {400, 404, 404, 409, 409, 422, 415, 415, 406, 404};
        for (int i = 0; i < expected.length; i++) {
            Http.Response r = refusals.get(i);
            JsonNode p = Http.assertProblem(r, expected[i]);
            assertTrue(p.path("type").asString("").startsWith("urn:chuyenhoa:problem:"), r::describe);
            for (String member : new String[] {"detail", "titleVi", "detailVi"}) {
                assertFalse(p.path(member).asString("").isBlank(), () -> member + " missing: " + r.describe());
            }
            assertFalse(r.text().contains("No static resource") || r.text().contains("'null'"), r::describe);
        }
        assertEquals("Không tìm thấy", refusals.get(9).json().path("titleVi").asString(), refusals.get(9)::describe);
    }

    private static JsonNode assertClientProblem(Http.Response r) {
        assertTrue(r.status() >= 400 && r.status() < 500, r::describe);
        assertEquals(Http.PROBLEM, r.mediaType(), r::describe);
        JsonNode p = r.json();
        assertEquals(r.status(), p.path("status").asInt(), r::describe);
        assertFalse(p.path("titleVi").asString("").isBlank(), r::describe);
        return p;
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            try {
                while ((n = in.read(buf)) > 0) got.write(buf, 0, n);
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
