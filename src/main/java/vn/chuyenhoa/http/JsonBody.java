package vn.chuyenhoa.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a request body into a small tree that keeps every number as the text the caller wrote.
 *
 * <p>Not Jackson's own tree: with {@code USE_BIG_DECIMAL_FOR_FLOATS} it throws a bare
 * {@link NumberFormatException} on {@code 1e9999999999}, and with doubles it turns {@code 5e0} into
 * {@code 5.0} and {@code 1e400} into {@code Infinity}, so neither the check nor the message could show
 * what was sent. Nothing here converts a number, so no number can make it throw.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 64 * 1024;

    // A valid request is 2 levels deep; anything deeper is already an unknown field, so a low cap only
    // bounds the recursion below.
    static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    // numbers stay text, so a long one costs no more than a long string; it should be
                    // reported as out of range, not as unreadable
                    .maxNumberLength(MAX_BYTES)
                    .build())
            .build();

    public sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {}

    /** @param members in document order */
    public record Obj(Map<String, Value> members) implements Value {}

    /**
     * An evaluation request has no arrays, so it reports any as the wrong type; a screening lists its
     * candidates in one, so the items are kept.
     */
    public record Arr(List<Value> items) implements Value {}

    public record Str(String value) implements Value {}

    /** @param integral the token had neither fraction nor exponent */
    public record Num(String text, boolean integral) implements Value {}

    public record Bool(boolean value) implements Value {}

    public record Null() implements Value {}

    /** Why a body is not one JSON object, in both languages. */
    public static final class Malformed extends Exception {
        public final String messageVi;

        Malformed(String message, String messageVi) {
            super(message, null, false, false);
            this.messageVi = messageVi;
        }
    }

    private JsonBody() {}

    public static Obj read(byte[] body) throws Malformed {
        return read(body, MAX_BYTES);
    }

    /**
     * @param maxBytes the largest body accepted: a screening carries a whole province's candidates,
     *     so it needs more room than one evaluation
     */
    public static Obj read(byte[] body, int maxBytes) throws Malformed {
        return read(body, maxBytes, null);
    }

    private static Obj read(byte[] body, int maxBytes, Map<String, List<int[]>> spans) throws Malformed {
        if (body == null || body.length == 0) {
            throw empty();
        }
        if (body.length > maxBytes) {
            throw new Malformed(
                    "The request body is larger than " + maxBytes + " bytes.",
                    "Nội dung yêu cầu lớn hơn " + maxBytes + " byte.");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw empty();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new Malformed(
                        "The request body must be a JSON object.",
                        "Nội dung yêu cầu phải là một đối tượng JSON.");
            }
            Obj root = (Obj) value(parser, spans);
            if (parser.nextToken() != null) {
                throw new Malformed(
                        "The request body has content after the JSON object.",
                        "Nội dung yêu cầu có dữ liệu thừa sau đối tượng JSON.");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new Malformed(
                    "The request body exceeds a reading limit (nesting deeper than " + MAX_DEPTH
                            + " levels, or an overlong key).",
                    "Nội dung yêu cầu vượt giới hạn đọc (lồng sâu quá " + MAX_DEPTH
                            + " cấp, hoặc có khóa quá dài).");
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String whereVi = at == null ? "" : " (dòng " + at.getLineNr() + ", cột " + at.getColumnNr() + ")";
            throw new Malformed(
                    "The request body is not valid JSON" + where + ".",
                    "Nội dung yêu cầu không phải là JSON hợp lệ" + whereVi + ".");
        }
    }

    /**
     * A body that lists requests in an array under the root ({@code {"items": [...]}}): the tree, and for each element
     * of such an array the bytes it was sent as, so that each item is stored as its caller wrote it.
     *
     * @param spans per array member of the root, the start and end offset in the body of each of its elements
     */
    public record Listed(Obj root, Map<String, List<int[]>> spans) {}

    public static Listed readListed(byte[] body, int maxBytes) throws Malformed {
        Map<String, List<int[]>> spans = new LinkedHashMap<>();
        Obj root = read(body, maxBytes, spans);
        return new Listed(root, spans);
    }

    private static Malformed empty() {
        return new Malformed("The request body is empty.", "Nội dung yêu cầu trống.");
    }

    private static Value value(JsonParser parser) throws Malformed {
        return value(parser, null);
    }

    /** @param spans null, or where to note the elements' offsets of the arrays that are members of this object */
    private static Value value(JsonParser parser, Map<String, List<int[]>> spans) throws Malformed {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Value> members = new LinkedHashMap<>();
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    JsonToken token = parser.nextToken();
                    Value v = spans != null && token == JsonToken.START_ARRAY ? listed(parser, name, spans) : value(parser);
                    // a second value for a key would silently win; the caller must learn which one counts
                    if (members.put(name, v) != null) {
                        throw new Malformed(
                                "The key \"" + Shown.clip(name) + "\" appears twice in the same object.",
                                "Khóa \"" + Shown.clip(name) + "\" xuất hiện hai lần trong cùng một đối tượng.");
                    }
                }
                yield new Obj(members);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                yield new Arr(List.copyOf(items));
            }
            case VALUE_STRING -> new Str(parser.getString());
            case VALUE_NUMBER_INT -> new Num(parser.getString(), true);
            case VALUE_NUMBER_FLOAT -> new Num(parser.getString(), false);
            case VALUE_TRUE -> new Bool(true);
            case VALUE_FALSE -> new Bool(false);
            case VALUE_NULL -> new Null();
            // a JSON parser yields no other token where a value starts
            default -> throw new IllegalStateException("unexpected token " + parser.currentToken());
        };
    }

    private static Arr listed(JsonParser parser, String name, Map<String, List<int[]>> spans) throws Malformed {
        List<Value> items = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            items.add(value(parser));
            // the last token of the element: its end is where that token ends
            int end = (int) parser.currentLocation().getByteOffset();
            offsets.add(new int[] {start, end});
        }
        spans.put(name, offsets);
        return new Arr(items);
    }
}
