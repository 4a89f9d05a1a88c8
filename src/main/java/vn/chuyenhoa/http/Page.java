package vn.chuyenhoa.http;

import java.util.List;

/**
 * The one paging shape of the service.
 *
 * @param page 0-based
 * @param size the page size actually applied, which may be smaller than the one asked for
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
