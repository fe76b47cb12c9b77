/** Planner statistics over stored events: guidance recommendations issued per hour and per facility. */
package de.parkleit.dashboard.stats;
