package bbva.server;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Who is logged in and what the app lets them do; the web page shows only the buttons that apply. */
@Path("/user")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    static final List<String> ROLES = List.of("bbva-admin", "bbva-submitter", "bbva-monitor");

    public record User(String name, List<String> roles) {
    }

    @GET
    @RolesAllowed("bbva-monitor")
    public User get(@Context SecurityContext security) {
        return new User(security.getUserPrincipal().getName(),
                ROLES.stream().filter(security::isUserInRole).toList());
    }
}
