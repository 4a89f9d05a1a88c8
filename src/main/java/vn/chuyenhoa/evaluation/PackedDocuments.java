package vn.chuyenhoa.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;

/**
 * The three texts of a stored evaluation (request, response document, fired rules) as one compressed value
 * ({@code evaluation.packed_documents}, V13__compact_evaluations.sql): a document of ~13 KB takes about 1 KB, so
 * the store writes and keeps a thirteenth of the bytes, and each text still comes back byte for byte.
 *
 * <p>Both formats compress the same plain bytes: for each text in the order request, response, fired rules, its
 * length in UTF-8 bytes as a 4-byte big-endian integer, then those bytes. Both use the same preset dictionary,
 * {@code evaluation/evaluation-dictionary-1.bin}: text sampled from rendered evaluation documents (labels,
 * explanations, sources and legal bases of the shipped tables), which every document repeats; with it a document
 * compresses about three times better than alone. Stored rows need that exact file to be read, so it never changes.
 *
 * <h2>Format 1 (read only)</h2>
 * One byte {@code 1}, then a raw deflate stream (RFC 1951, no zlib header) made with the dictionary. Rows stored
 * before format 2 keep it; this release reads them and writes no more of them.
 *
 * <h2>Format 2</h2>
 * One byte {@code 2}, then one Zstandard frame (RFC 8878) made with the dictionary as raw content (no dictionary id in
 * the frame), with its content size. Zstandard digests the dictionary once and keeps it ({@link ZstdDictCompress}),
 * where deflate had to read all 16 KB of it again for every evaluation: on the benchmark documents, about 1,100 bytes
 * per evaluation against deflate's 1,400 (docs/benchmarks.md, "Session 6" and "Session 8").
 *
 * <p>Compressed on the thread that rendered the document (the request's, or a batch's deciders), never on the store's
 * single writer.
 */
public final class PackedDocuments {

    /** The request, the response document and the fired rules, as stored and as returned. */
    public record Texts(String requestJson, String responseJson, String firedRulesJson) {}

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT_2 = 2;
    private static final byte[] DICTIONARY_1 = dictionary("/evaluation/evaluation-dictionary-1.bin");
    private static final long MAX_PLAIN_BYTES = 256L << 20;

    // Level 1. In a loop on one thread, level 3 (Zstandard's default) was both faster and smaller (25 against 39 µs).
    // In the service, timed on the request threads, it costs 84 µs against level 1's 54-55 µs. Each call copies the
    // digested dictionary's tables into its context, and level 3's tables are larger: that is cheap when they are
    // in the cache, and not when the decision and the other threads have just used it. Level 1 costs 12% more bytes
    // (1,141 against 1,022 per evaluation). Both digested dictionaries are immutable and shared by every thread.
    private static final ZstdDictCompress COMPRESS_DICTIONARY = new ZstdDictCompress(DICTIONARY_1, 1);
    private static final ZstdDictDecompress DECOMPRESS_DICTIONARY = new ZstdDictDecompress(DICTIONARY_1);
    // format 1 only; an Inflater's native state is costly to make, so each thread keeps one
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private PackedDocuments() {
    }

    public static byte[] pack(String requestJson, String responseJson, String firedRulesJson) {
        return pack(requestJson.getBytes(StandardCharsets.UTF_8), responseJson.getBytes(StandardCharsets.UTF_8),
                firedRulesJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same, from the texts already in UTF-8: a rendered document is encoded once, for the answer sent, and packed
     * from those bytes (encoding a document of Vietnamese text, which Java holds in UTF-16, cost more than packing it).
     */
    public static byte[] pack(byte[] request, byte[] response, byte[] fired) {
        ByteBuffer plain = ByteBuffer.allocate(12 + request.length + response.length + fired.length);
        plain.putInt(request.length).put(request).putInt(response.length).put(response).putInt(fired.length).put(fired);

        byte[] frame = Zstd.compress(plain.array(), COMPRESS_DICTIONARY);
        byte[] packed = new byte[1 + frame.length];
        packed[0] = FORMAT_2;
        System.arraycopy(frame, 0, packed, 1, frame.length);
        return packed;
    }

    /** @throws IllegalStateException when the bytes are not a packed form this release reads (a damaged row) */
    public static Texts unpack(byte[] packed) {
        byte[][] parts = parts(packed);
        return new Texts(new String(parts[0], StandardCharsets.UTF_8), new String(parts[1], StandardCharsets.UTF_8),
                new String(parts[2], StandardCharsets.UTF_8));
    }

    /**
     * The response document alone, in UTF-8 as it was sent: what a read of the evaluation returns, with no text made
     * of it (decoding it, then encoding it again for the answer, cost more than decompressing it).
     *
     * @throws IllegalStateException when the bytes are not a packed form this release reads (a damaged row)
     */
    public static byte[] response(byte[] packed) {
        return parts(packed)[1];
    }

    /** The three texts' bytes, in the order request, response, fired rules. */
    private static byte[][] parts(byte[] packed) {
        byte format = packed.length == 0 ? 0 : packed[0];
        byte[] plain = switch (format) {
            case FORMAT_1 -> inflate(packed);
            case FORMAT_2 -> decompress(packed);
            default -> throw new IllegalStateException("stored documents in an unknown format "
                    + (packed.length == 0 ? "(empty)" : Byte.toString(format)));
        };
        ByteBuffer in = ByteBuffer.wrap(plain);
        byte[][] parts = new byte[3][];
        for (int i = 0; i < parts.length; i++) {
            int length = in.remaining() < 4 ? -1 : in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalStateException("stored documents whose texts do not add up");
            }
            parts[i] = new byte[length];
            in.get(parts[i]);
        }
        if (in.hasRemaining()) throw new IllegalStateException("stored documents with bytes after the third text");
        return parts;
    }

    private static byte[] decompress(byte[] packed) {
        byte[] frame = Arrays.copyOfRange(packed, 1, packed.length);
        long size = frame.length == 0 ? -1 : Zstd.getFrameContentSize(frame);
        // a frame cut short or damaged gives no size (a negative error code), or a size no evaluation comes near (a
        // request is at most a few MB): refused, not guessed, and not allocated
        if (size < 0 || size > MAX_PLAIN_BYTES) {
            throw new IllegalStateException("stored documents cut short or damaged");
        }
        try {
            byte[] plain = Zstd.decompress(frame, DECOMPRESS_DICTIONARY, (int) size);
            if (plain.length != size) throw new IllegalStateException("stored documents cut short");
            return plain;
        } catch (ZstdException e) {
            throw new IllegalStateException("stored documents cannot be decompressed", e);
        }
    }

    private static byte[] inflate(byte[] packed) {
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
        return plain.toByteArray();
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
