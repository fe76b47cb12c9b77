/** The MQTT adapter: a Paho client whose callbacks run on a Vert.x context. */
package de.parkleit.platform.mqtt;
