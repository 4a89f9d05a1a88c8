package vn.chuyenhoa.access;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Authorization: Bearer <token>}: the token's account for this request only (no session is made). A token
 * that is unknown, revoked or of a disabled account is a 401 at once, never a fall-back to anonymous.
 */
class TokenFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final Denials denials;

    TokenFilter(Accounts accounts, Denials denials) {
        this.accounts = accounts;
        this.denials = denials;
    }

    static boolean presents(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presents(request)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = accounts.byToken(request.getHeader("Authorization").substring(7).strip()).orElse(null);
        if (caller == null) {
            denials.unauthenticated(request, response, "The bearer token is unknown, revoked, or its account is disabled.",
                    "Mã truy cập không đúng, đã bị thu hồi hoặc tài khoản đã bị khóa.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null,
                Accounts.authorities(caller.roles())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
