/** Guidance records that cross the broker ({@code {root}/guidance/issued}). */
package de.parkleit.core.guidance;
