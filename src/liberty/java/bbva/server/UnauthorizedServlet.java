package bbva.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of every 401 (web.xml's error page for it). Liberty answers a missing or wrong login before
 * the app's filters and JAX-RS run, with its Basic challenge and an empty body; this gives it the
 * API's JSON form. Any method: the error dispatch keeps the request's.
 */
@WebServlet("/errors/401")
public class UnauthorizedServlet extends HttpServlet {
    static final String BODY = "{\"error\":\"Log in: send a user and password with HTTP Basic authentication "
            + "(users and their roles: the README's Open Liberty section).\"}";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Liberty's error dispatch over HTTP/2 answers 200 unless the status is set again here
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
    }
}
