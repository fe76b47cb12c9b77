/**
 * The guidance and signs service on Vert.x: {@code GET /api/v1/guidance} and {@code GET /api/v1/facilities/{id}/forecast},
 * live state from the retained state topics onto the board, recommendations shared between instances on
 * {@code {root}/guidance/issued}, the forecast model's periodic retraining on a worker, sign frames published
 * retained on {@code {root}/signs/{id}}, and the {@code guidance_issued} and {@code sign_display} events written to
 * the store. {@link GuidanceVerticle} wires it.
 */
package de.parkleit.guidance.service;
