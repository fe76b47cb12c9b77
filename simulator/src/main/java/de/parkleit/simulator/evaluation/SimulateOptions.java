package de.parkleit.simulator.evaluation;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Options of the {@code simulate} command (parsed by the app's picocli {@code SimulateTool}).
 *
 * @param mode     {@code fast} (virtual clock, in-process or reference system) or {@code real} (HTTP + MQTT, wall clock)
 * @param apiUrl   real mode: base URL of a running parkleit
 * @param mqttUrl  real mode: its broker
 */
public record SimulateOptions(Path city, String scenario, boolean guidance, double compliance, double signReaction,
                              long seed, Path out, ZoneId zone, String mode, String apiUrl, String mqttUrl,
                              String topicRoot, boolean quiet, Double demand, double know) {
}
