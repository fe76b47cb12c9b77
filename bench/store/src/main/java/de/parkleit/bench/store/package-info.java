/** Benchmark of the time-series store: adapter writes against raw line protocol, history query latency. */
package de.parkleit.bench.store;
