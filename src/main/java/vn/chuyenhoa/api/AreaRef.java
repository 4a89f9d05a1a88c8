package vn.chuyenhoa.api;

/**
 * A commune-level area as the caller names it. The scheme is part of the identity because the 2025
 * reform reused codes (domain spec §8).
 *
 * @param name nullable; when given it has been checked to name the code
 */
public record AreaRef(String codeScheme, String code, String name) {}
