/**
 * Driver agents in a discrete-event simulation on a virtual clock: trips by time of day and
 * destination, facility choice with and without guidance, queues and search driving, and the
 * ports ({@link de.parkleit.simulator.driver.TravelTimes}, {@link de.parkleit.simulator.driver.GuidanceClient},
 * {@link de.parkleit.simulator.driver.StateView}, {@link de.parkleit.simulator.driver.ReadingSink})
 * through which agents meet the real system. Pure Java, no Vert.x.
 */
package de.parkleit.simulator.driver;
