/** The HTTP edge shared by services: errors as RFC 9457 problem JSON. */
package de.parkleit.platform.http;
