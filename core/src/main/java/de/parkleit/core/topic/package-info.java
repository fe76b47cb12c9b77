/** MQTT topic names of wire contract v1 and their parsing. */
package de.parkleit.core.topic;
