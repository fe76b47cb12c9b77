/** Feed adapters, Vert.x side: polling over HTTP(S) or from a file and publishing readings on MQTT. */
package de.parkleit.feeds.service;
