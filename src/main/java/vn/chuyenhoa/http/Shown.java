package vn.chuyenhoa.http;

/** How a caller's value appears inside an error message: recognisable, but never the size of the body. */
public final class Shown {

    private static final int MAX_CODE_POINTS = 60;

    private Shown() {}

    public static String of(JsonBody.Value value) {
        if (value instanceof JsonBody.Str s) {
            return "\"" + clip(s.value()) + "\"";
        }
        if (value instanceof JsonBody.Num n) {
            return clip(n.text());
        }
        if (value instanceof JsonBody.Bool b) {
            return String.valueOf(b.value());
        }
        if (value instanceof JsonBody.Obj) {
            return "{…}";
        }
        return value instanceof JsonBody.Arr ? "[…]" : "null";
    }

    public static String clip(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS)) + "…";
    }
}
