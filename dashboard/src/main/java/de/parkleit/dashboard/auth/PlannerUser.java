package de.parkleit.dashboard.auth;

import java.util.Objects;
import java.util.Set;

/**
 * A user of the planner dashboard.
 *
 * @param roles        {@link #PLANNER} (read planner views) and/or {@link #OPERATOR} (change facility status)
 * @param passwordHash a {@link PasswordHash} string; never printed
 */
public record PlannerUser(String name, Set<String> roles, String passwordHash) {

    public static final String PLANNER = "planner";
    public static final String OPERATOR = "operator";
    public static final Set<String> ROLES = Set.of(PLANNER, OPERATOR);

    public PlannerUser {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException("user name must match [A-Za-z0-9_.@-]{1,64}, got \"" + name + "\"");
        }
        roles = Set.copyOf(roles);
        for (String r : roles) {
            if (!ROLES.contains(r)) {
                throw new IllegalArgumentException("user " + name + ": unknown role \"" + r + "\" (known: planner, operator)");
            }
        }
        if (!PasswordHash.isWellFormed(passwordHash)) {
            throw new IllegalArgumentException("user " + name + ": password must be a " + PasswordHash.PREFIX
                    + "$iterations$salt$hash string (see the README: hashing a password)");
        }
    }

    @Override
    public String toString() {
        return "PlannerUser[name=" + name + ", roles=" + roles + ", passwordHash=*****]";
    }
}
