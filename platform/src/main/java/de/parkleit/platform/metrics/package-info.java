/** Health checks and Prometheus metrics shared by the services of one process. */
package de.parkleit.platform.metrics;
