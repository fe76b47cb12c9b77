/** The embedded MQTT broker: Moquette shaded with netty relocated, used by {@code demo} and tests. */
package de.parkleit.broker;
