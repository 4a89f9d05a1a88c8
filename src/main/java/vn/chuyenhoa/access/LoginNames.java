package vn.chuyenhoa.access;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one reading of a user name typed into the sign-in form: blanks around it dropped (Unicode ones too), Unicode
 * NFC, lower case. It replaces the form's field before Spring Security reads it, so that authentication, the count of
 * wrong passwords and the lockout all see the same name: " name" used to sign in as "name" (Spring trims) while its
 * failures were counted for " name", an account that does not exist, and so never locked it.
 */
final class LoginNames extends OncePerRequestFilter {

    static final String FIELD = "username";

    static String normalise(String typed) {
        if (typed == null) return "";
        String s = Normalizer.normalize(typed, Normalizer.Form.NFC);
        int from = 0, to = s.length();
        while (from < to && blank(s.charAt(from))) from++;
        while (to > from && blank(s.charAt(to - 1))) to--;
        return s.substring(from, to).toLowerCase(Locale.ROOT);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) || c == '\u200B'
                || c == '\uFEFF';
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String name = normalise(request.getParameter(FIELD));
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String n) {
                return FIELD.equals(n) ? name : super.getParameter(n);
            }

            @Override
            public String[] getParameterValues(String n) {
                return FIELD.equals(n) ? new String[] {name} : super.getParameterValues(n);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> m = new java.util.LinkedHashMap<>(super.getParameterMap());
                m.put(FIELD, new String[] {name});
                return java.util.Collections.unmodifiableMap(m);
            }
        }, response);
    }
}
