package de.parkleit.dashboard.auth;

import de.parkleit.platform.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/auth/login}, {@code POST /api/v1/auth/logout}, {@code GET /api/v1/auth/me}
 * and {@link #require(String)}, the guard of planner and operator routes. Sessions are HS256 JWTs
 * (claims {@code sub}, {@code roles}, {@code exp}) in an HttpOnly SameSite=Strict cookie, or in an
 * {@code Authorization: Bearer} header for scripts; any instance with the same secret accepts them.
 */
public final class AuthHandler {

    public static final String COOKIE = "parkleit_session";
    public static final String USER_KEY = "parkleit.user";
    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);
    /** Verified when the user does not exist, so a wrong name costs as long as a wrong password. */
    private static final String DUMMY_HASH = "pbkdf2-sha256$600000$9VPoMgp29d2bi3qMiz2Gfg$S/Oewi7QX2jiUfACl/uShDppYDvSbq1/OW1MrW3oc98";

    private final Vertx vertx;
    private final AuthSettings settings;
    private final JWTAuth jwt;
    private final Map<String, PlannerUser> users = new LinkedHashMap<>();

    /** The user of an authenticated request. */
    public record Principal(String name, Set<String> roles) {
    }

    public AuthHandler(Vertx vertx, AuthSettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        settings.users().forEach(u -> users.put(u.name(), u));
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(settings.secret())));
    }

    /** Mounts the auth routes; {@code body} parses (and limits) request bodies, {@code loginLimit} throttles attempts. */
    public void mount(Router router, Handler<RoutingContext> body, Handler<RoutingContext> loginLimit) {
        router.post("/api/v1/auth/login").handler(body).handler(loginLimit).handler(this::login);
        router.post("/api/v1/auth/logout").handler(this::logout);
        router.get("/api/v1/auth/me").handler(require(null)).handler(this::me);
    }

    /** A guard: 401 without a valid session, 403 if {@code role} (null: any user) is missing. */
    public Handler<RoutingContext> require(String role) {
        return ctx -> {
            String token = token(ctx);
            if (token == null) {
                ctx.fail(unauthorized("log in first"));
                return;
            }
            jwt.authenticate(new TokenCredentials(token)).onComplete(ar -> {
                if (ar.failed()) {
                    ctx.fail(unauthorized("the session has expired or is not valid; log in again"));
                    return;
                }
                Principal p = principal(ar.result().get("sub"), ar.result().get("roles"));
                if (p == null || !users.containsKey(p.name())) {
                    ctx.fail(unauthorized("the session's user is not known here; log in again"));
                } else if (role != null && !p.roles().contains(role)) {
                    ctx.fail(new ApiException(403, "forbidden", "Forbidden", "this needs the role '" + role + "'"));
                } else {
                    ctx.put(USER_KEY, p);
                    ctx.next();
                }
            });
        };
    }

    private static Principal principal(Object sub, Object roles) {
        if (!(sub instanceof String name) || !(roles instanceof JsonArray arr)) {
            return null;
        }
        Set<String> r = new TreeSet<>();
        arr.forEach(o -> r.add(String.valueOf(o)));
        return new Principal(name, r);
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail);
    }

    private static String token(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return h.substring(7).strip();
        }
        Cookie c = ctx.request().getCookie(COOKIE);
        return c == null || c.getValue().isEmpty() ? null : c.getValue();
    }

    private void login(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !(body.getValue("username") instanceof String name) || !(body.getValue("password") instanceof String pw)
                || name.length() > 64 || pw.length() > 1024) {
            ctx.fail(ApiException.badRequest("send JSON {\"username\": \"…\", \"password\": \"…\"}"));
            return;
        }
        PlannerUser user = users.get(name);
        String hash = user == null ? DUMMY_HASH : user.passwordHash();
        vertx.executeBlocking(() -> PasswordHash.verify(pw.toCharArray(), hash), false).onComplete(ar -> {
            if (ar.failed() || !ar.result() || user == null) {
                LOG.info("failed login for user name of length {} from {}", name.length(), ctx.request().remoteAddress());
                ctx.fail(unauthorized("user name or password is wrong"));
                return;
            }
            startSession(ctx, user);
        });
    }

    private void startSession(RoutingContext ctx, PlannerUser user) {
        long ttl = settings.sessionTtl().toSeconds();
        JsonArray roles = new JsonArray();
        new TreeSet<>(user.roles()).forEach(roles::add);
        String token = jwt.generateToken(new JsonObject().put("sub", user.name()).put("roles", roles),
                new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) ttl));
        ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(settings.secureCookies()).setMaxAge(ttl));
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("username", user.name()).put("roles", roles)
                        .put("expiresAt", Instant.now().plusSeconds(ttl).toString()).encode());
    }

    private void logout(RoutingContext ctx) {
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(settings.secureCookies()).setMaxAge(0));
        ctx.response().setStatusCode(204).end();
    }

    private void me(RoutingContext ctx) {
        Principal p = ctx.get(USER_KEY);
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("username", p.name()).put("roles", new JsonArray(p.roles().stream().toList())).encode());
    }
}
