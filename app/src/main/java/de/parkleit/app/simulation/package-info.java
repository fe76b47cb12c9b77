/**
 * Fast mode of {@code ./parkleit simulate}: the simulator's ports on parkleit's own code in process
 * (road network, ingest's decode/validate/live state, the guidance planner) on a virtual clock.
 */
package de.parkleit.app.simulation;
