/** The sign bridge on Vert.x: subscribes to the sign frames, drives the signs, publishes the acks, serves the feeds. */
package de.parkleit.signbridge.service;
