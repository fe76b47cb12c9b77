/**
 * Evidence for docs/reliability.md: the shipped Mosquitto security config against a real broker,
 * two nodes sharing one broker and one store, and every HTTP route walked for every role.
 */
package de.parkleit.app.reliability;
