package vn.chuyenhoa.operations;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * A start that cannot sign in to its database, stated once: which database, as whom, the server's own reason, and what
 * to check. Without it Spring prints the same cause once per bean that was waiting for a connection (accounts, the
 * JDBC template, Flyway…), in a wall of nested errors an operator has to read from the bottom. Registered in
 * META-INF/spring.factories: Spring Boot asks it about a failed start, before any bean exists.
 */
class DatabaseSignIn implements FailureAnalyzer {

    private final Environment environment;

    DatabaseSignIn(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SQLException refused = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException e && signIn(e.getSQLState())) refused = e;
        }
        if (refused == null) return null;
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
        String user = environment.getProperty("spring.datasource.username", "");
        String reason = refused.getMessage() == null ? refused.getClass().getSimpleName()
                : refused.getMessage().lines().findFirst().orElse("");
        String description = "Không kết nối được cơ sở dữ liệu / cannot connect to the database " + url
                + (user.isEmpty() ? "" : " as / với người dùng " + user) + ": " + reason
                + " (SQLState " + refused.getSQLState() + ")";
        String action = authentication(refused.getSQLState())
                ? "Kiểm tra mật khẩu và tên người dùng / check the password and user: SPRING_DATASOURCE_PASSWORD and"
                        + " SPRING_DATASOURCE_USERNAME (or --spring.datasource.password / .username), and that the"
                        + " database server lets this user in from this host (pg_hba.conf)."
                : "Kiểm tra địa chỉ và trạng thái máy chủ cơ sở dữ liệu / check SPRING_DATASOURCE_URL (host, port,"
                        + " database name) and that the database server is running and reachable from this host.";
        return new FailureAnalysis(description, action, failure);
    }

    /** SQL's classes for a connection that could not be made (08), or was not let in (28), or names no database (3D). */
    private static boolean signIn(String state) {
        return state != null && (state.startsWith("08") || authentication(state) || state.startsWith("3D"));
    }

    private static boolean authentication(String state) {
        return state != null && state.startsWith("28");
    }
}
