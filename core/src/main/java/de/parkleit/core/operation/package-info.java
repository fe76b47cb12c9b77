/** Operator overrides of a facility's status (closed or reserved for a reason until a time), shared by every service over MQTT. */
package de.parkleit.core.operation;
