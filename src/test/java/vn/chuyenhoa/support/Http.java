package vn.chuyenhoa.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** A plain {@link HttpClient} on a server started by the test, with the few checks every endpoint test repeats. */
public final class Http {

    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";

    // an upload is validated with a full Drools build and the staff tests: on a busy shared machine that exceeds 30 s
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(TIMEOUT)
            .build();
    /** Tokens of the test accounts (src/test/resources/access/test-accounts.csv), each holding every role. */
    public static final String TESTER = "test-token-kiemthu", SECOND_TESTER = "test-token-kiemthu2";

    private final URI base;
    private final String token;

    /** As the first all-role test account: tests of what the service answers, not of who may ask. */
    public Http(int port) {
        this(port, TESTER);
    }

    /** With this bearer token, or none (null). */
    public Http(int port, String token) {
        this.base = URI.create("http://localhost:" + port);
        this.token = token;
    }

    /** The same server, another caller: e.g. {@code as(SECOND_TESTER)} to approve what the first uploaded. */
    public Http as(String otherToken) {
        return new Http(base.getPort(), otherToken);
    }

    /** What came back; the body as bytes, since stored documents must come back byte for byte. */
    public record Response(String method, URI uri, int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return Scenarios.JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The media type without parameters, or "" when the response has none. */
        public String mediaType() {
            return header("Content-Type").map(v -> v.split(";")[0].strip()).orElse("");
        }

        /** For assertion messages: the request and as much of the answer as is useful. */
        public String describe() {
            String t = text();
            return method + " " + uri + " → " + status + " " + mediaType() + " "
                    + (t.length() > 1500 ? t.substring(0, 1500) + "…" : t);
        }
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(resolve(path)).GET(), headers);
    }

    public Response postJson(String path, String body, String... headers) {
        return post(path, JSON, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b, headers);
    }

    /** Any method (PUT, PATCH, …) with a body of this type. */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    /** multipart/form-data with text fields and files (file name → bytes, each sent as a part named "files"). */
    public Response postMultipart(String path, java.util.Map<String, String> fields, java.util.Map<String, byte[]> files) {
        String boundary = "----chuyenhoa" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (java.util.Map.Entry<String, String> f : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (java.util.Map.Entry<String, byte[]> f : files.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    public URI resolve(String pathOrUri) {
        return base.resolve(pathOrUri);
    }

    private Response send(HttpRequest.Builder b, String... headers) {
        boolean authorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            authorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (token != null && !authorization) b.header("Authorization", "Bearer " + token);
        HttpRequest request = b.timeout(TIMEOUT).build();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(request.method(), request.uri(), r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An RFC 9457 problem: its media type, and a body whose status repeats the response's. */
    public static JsonNode assertProblem(Response r, int status) {
        assertEquals(status, r.status(), r::describe);
        assertEquals(PROBLEM, r.mediaType(), r::describe);
        JsonNode p = r.json();
        assertEquals(status, p.path("status").asInt(), r::describe);
        assertFalse(p.path("title").asString("").isBlank(), r::describe);
        return p;
    }

    /** A 400 problem with exactly one field error, for {@code field} (null: names no field) and {@code code}. */
    public static JsonNode assertFieldError(Response r, String field, String code) {
        JsonNode errors = assertProblem(r, 400).path("errors");
        assertEquals(1, errors.size(), r::describe);
        JsonNode e = errors.get(0);
        if (field == null) {
            assertTrue(e.has("field") && e.get("field").isNull(), r::describe);
        } else {
            assertEquals(field, e.path("field").asString(null), r::describe);
        }
        assertEquals(code, e.path("code").asString(null), r::describe);
        assertFalse(e.path("message").asString("").isBlank(), r::describe);
        assertFalse(e.path("messageVi").asString("").isBlank(), r::describe);
        return e;
    }
}
