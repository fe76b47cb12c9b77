/**
 * The guidance and signs service on Vert.x: {@code GET /api/v1/guidance}, live state from the
 * retained state topics, recommendations shared between instances on {@code {root}/guidance/issued},
 * sign frames published retained on {@code {root}/signs/{id}}, and the {@code guidance_issued}
 * and {@code sign_display} events written to the store. {@link GuidanceVerticle} wires it.
 */
package de.parkleit.guidance.service;
