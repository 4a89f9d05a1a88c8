package vn.chuyenhoa.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Shared request fixtures of the HTTP tests. */
public final class Scenarios {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

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
}
