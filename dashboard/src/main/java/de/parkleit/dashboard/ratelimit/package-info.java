/** Per-client rate limiting of the public API (token buckets in memory, per instance). */
package de.parkleit.dashboard.ratelimit;
