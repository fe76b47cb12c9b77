/** The sign frame of the wire contract ({@code {root}/signs/{id}}): its records and its one codec. */
package de.parkleit.core.sign;
