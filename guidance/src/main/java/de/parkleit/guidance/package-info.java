/**
 * Guidance: ranks the facilities near a destination by expected total time (drive, search/queue,
 * weighted walk, a penalty for arriving to a full facility) and counts recommendations already
 * issued against the predicted free spaces (closed loop). Pure Java: no Vert.x; the service
 * wiring lives in {@code de.parkleit.guidance.service}.
 */
package de.parkleit.guidance;
