/** Configuration from the environment: typed, validated, with errors that name the variable. */
package de.parkleit.platform.config;
