/**
 * Evidence for docs/reliability.md: the shipped Mosquitto security config against a real broker,
 * network faults through a TCP fault proxy, a full disk spool, two nodes sharing one broker and one
 * store, and every HTTP route walked for every role.
 */
package de.parkleit.app.reliability;
