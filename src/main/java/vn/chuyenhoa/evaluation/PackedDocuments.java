package vn.chuyenhoa.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The three texts of a stored evaluation (request, response document, fired rules) as one compressed value
 * ({@code evaluation.packed_documents}, V13__compact_evaluations.sql): a document of ~15 KB takes about 1 KB, so
 * the store writes and keeps a fifteenth of the bytes, and each text still comes back byte for byte.
 *
 * <h2>Format 1</h2>
 * One byte {@code 1}, then a raw deflate stream (RFC 1951, no zlib header) made with the preset dictionary
 * {@code evaluation/evaluation-dictionary-1.bin}, of: for each text in the order request, response, fired rules, its
 * length in UTF-8 bytes as a 4-byte big-endian integer, then those bytes. The dictionary is text sampled from rendered
 * evaluation documents (labels, explanations, sources and legal bases of the shipped tables), which every document
 * repeats: with it a document compresses about four times better than alone. Stored rows need that exact file to be
 * read, so it never changes; a better dictionary would be format 2 with a file of its own, format 1 staying readable.
 *
 * <p>Compressed on the thread that rendered the document (the request's, or a batch's deciders), never on the store's
 * single writer; each thread keeps its own {@link Deflater} and {@link Inflater}, whose native state is costly to make.
 */
public final class PackedDocuments {

    /** The request, the response document and the fired rules, as stored and as returned. */
    public record Texts(String requestJson, String responseJson, String firedRulesJson) {}

    private static final byte FORMAT_1 = 1;
    private static final byte[] DICTIONARY_1 = dictionary("/evaluation/evaluation-dictionary-1.bin");

    // Level 1: on these documents it compresses within a few per cent of level 6 (the dictionary does the work) at a
    // fraction of the CPU, which every stored evaluation pays.
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private PackedDocuments() {
    }

    public static byte[] pack(String requestJson, String responseJson, String firedRulesJson) {
        byte[] request = requestJson.getBytes(StandardCharsets.UTF_8);
        byte[] response = responseJson.getBytes(StandardCharsets.UTF_8);
        byte[] fired = firedRulesJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(12 + request.length + response.length + fired.length);
        plain.putInt(request.length).put(request).putInt(response.length).put(response).putInt(fired.length).put(fired);

        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY_1);
        deflater.setInput(plain.array());
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.capacity() / 8 + 64);
        out.write(FORMAT_1);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** @throws IllegalStateException when the bytes are not a packed form this release reads (a damaged row) */
    public static Texts unpack(byte[] packed) {
        if (packed.length == 0 || packed[0] != FORMAT_1) {
            throw new IllegalStateException("stored documents in an unknown format "
                    + (packed.length == 0 ? "(empty)" : Byte.toString(packed[0])));
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        // a raw stream carries no dictionary id to ask for it: it is given before the first byte is inflated
        inflater.setDictionary(DICTIONARY_1);
        inflater.setInput(packed, 1, packed.length - 1);
        ByteArrayOutputStream plain = new ByteArrayOutputStream(packed.length * 12);
        byte[] buffer = new byte[16384];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("stored documents cut short");
                }
                plain.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored documents cannot be inflated", e);
        }
        ByteBuffer in = ByteBuffer.wrap(plain.toByteArray());
        return new Texts(text(in), text(in), text(in));
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static byte[] dictionary(String resource) {
        try (InputStream in = PackedDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the compression dictionary " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
