package vn.chuyenhoa.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.RunningServer;
import vn.chuyenhoa.support.Scenarios;

/**
 * What the service answers to requests as they arrive on the wire, through raw sockets where a client library would
 * not send them: what Tomcat refuses before the application sees the request is a problem of this service like any
 * other; JSON is read in UTF-8 only (RFC 8259), and a request that says twice what its body is says nothing.
 */
@RunningServer
class WireTest {

    static final String[] JSON_WRITES = {"/api/v1/evaluations", "/api/v1/evaluation-batches"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    String example;

    @BeforeEach
    void example() throws IOException {
        example = Files.readString(Path.of("examples/phuong-nenh-viet-yen.json"));
    }

    @Test
    void whatTomcatRefusesBeforeTheApplicationIsAProblemOfThisServiceInBothLanguages() throws IOException {
        String host = "Host: localhost\r\nAuthorization: Bearer " + Http.TESTER + "\r\nConnection: close\r\n";
        String[] requests = {
                "GET /api/v1/evaluations/%zz HTTP/1.1\r\n" + host + "\r\n",
                "GET /api/v1/evaluations/%2F HTTP/1.1\r\n" + host + "\r\n",
                "GET /api/v1/eval{uations} HTTP/1.1\r\n" + host + "\r\n",
                "GET /api/v1/evaluations HTTP/1.1\r\n" + host + "X-Large: " + "a".repeat(20_000) + "\r\n\r\n",
                "GET /api/v1/evaluations?q=" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n",
                "GET /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nHost: elsewhere\r\nConnection: close\r\n\r\n",
                "GET /api/v1/evaluations HTTP/9.9\r\n" + host + "\r\n",
                "CONNECT localhost:443 HTTP/1.1\r\n" + host + "\r\n",
                "NOT A REQUEST\r\n\r\n"};
        for (String request : requests) {
            Answer a = raw(request.getBytes(StandardCharsets.ISO_8859_1));
            String what = request.substring(0, Math.min(60, request.indexOf('\r'))) + " → " + a;
            assertTrue(a.status() >= 400, what);
            assertEquals("application/problem+json", a.mediaType(), what);
            JsonNode p = Scenarios.JSON.readTree(a.body());
            assertEquals(a.status(), p.path("status").asInt(), what);
            assertTrue(p.path("type").asString("").startsWith("urn:chuyenhoa:problem:"), what);
            for (String member : new String[] {"title", "titleVi", "detail", "detailVi"}) {
                assertFalse(p.path(member).asString("").isBlank(), member + ": " + what);
            }
            assertNotEquals(p.path("title").asString(), p.path("titleVi").asString(), what);
            assertNotEquals(p.path("detail").asString(), p.path("detailVi").asString(), what);
        }
    }

    @Test
    void jsonInAnotherCharsetThanUtf8IsRefusedAndNothingStored() throws IOException {
        for (String path : JSON_WRITES) {
            for (Charset charset : new Charset[] {StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE}) {
                long before = stored();
                Http.Response r = new Http(port).post(path, "application/json; charset=" + charset.name(),
                        body(path).getBytes(charset));
                JsonNode p = Http.assertProblem(r, 415);
                assertEquals("urn:chuyenhoa:problem:unsupported-media-type", p.path("type").asString(), r::describe);
                assertTrue(p.path("detail").asString().contains("UTF-8"), r::describe);
                assertTrue(p.path("detailVi").asString().contains("UTF-8"), r::describe);
                assertEquals(before, stored(), r::describe);
            }
        }
    }

    @Test
    void twoContentTypeHeadersAreABadRequestNamingTheHeader() throws IOException {
        for (String path : JSON_WRITES) {
            for (String second : new String[] {"text/plain", "application/json"}) {
                long before = stored();
                byte[] body = body(path).getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Http.TESTER
                        + "\r\nContent-Type: application/json\r\nContent-Type: " + second + "\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(body);
                Answer a = raw(request.toByteArray());
                assertEquals(400, a.status(), a::toString);
                assertEquals("application/problem+json", a.mediaType(), a::toString);
                JsonNode errors = Scenarios.JSON.readTree(a.body()).path("errors");
                assertEquals(1, errors.size(), a::toString);
                assertEquals("Content-Type", errors.get(0).path("field").asString(), a::toString);
                assertFalse(errors.get(0).path("messageVi").asString("").isBlank(), a::toString);
                assertEquals(before, stored(), a::toString);
            }
        }
    }

    @Test
    void utf8JsonIsTakenHoweverItsTypeIsSpelled() {
        for (String path : JSON_WRITES) {
            for (String type : new String[] {"application/json", "application/json; charset=utf-8",
                    "Application/JSON; Charset=UTF-8", "application/json;charset=\"UTF-8\""}) {
                long before = stored();
                Http.Response r = new Http(port).post(path, type, body(path).getBytes(StandardCharsets.UTF_8));
                assertEquals(201, r.status(), r::describe);
                assertTrue(stored() > before, r::describe);
            }
        }
    }

    private String body(String path) {
        return path.endsWith("batches") ? "{\"items\": [" + example + "]}" : example;
    }

    private long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation", Long.class);
    }

    record Answer(int status, String head, byte[] body) {
        String mediaType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).split(";")[0].strip();
                }
            }
            return "";
        }

        @Override
        public String toString() {
            return head + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One request on a connection of its own, and what came back until the server closed it. */
    private Answer raw(byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
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
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(text.startsWith("HTTP/1.1 ") && end > 0, text);
            String head = text.substring(0, end);
            byte[] body = java.util.Arrays.copyOfRange(got.toByteArray(), end + 4, got.size());
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) body = unchunked(body);
            return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
        }
    }

    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int eol = i;
            while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) eol++;
            int size = Integer.parseInt(new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) break;
            out.write(chunked, eol + 2, size);
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
