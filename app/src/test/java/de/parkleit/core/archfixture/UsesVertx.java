package de.parkleit.core.archfixture;

import io.vertx.core.json.JsonObject;

/** A deliberate violation for {@code ArchitectureTest}: a "core" class that depends on Vert.x. Test code only. */
public final class UsesVertx {

    public String encode() {
        return new JsonObject().put("a", 1).encode();
    }
}
