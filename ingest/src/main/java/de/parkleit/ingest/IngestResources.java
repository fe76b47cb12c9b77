package de.parkleit.ingest;

import de.parkleit.core.city.City;
import de.parkleit.ingest.decode.DeviceMap;
import de.parkleit.ingest.spool.DiskSpool;
import de.parkleit.platform.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest reads from disk before it starts: the spool, the device mapping and the city's time
 * zone. Opened on a worker thread (blocking I/O).
 */
record IngestResources(DiskSpool spool, DeviceMap devices, ZoneId zone) {

    private static final Logger LOG = LoggerFactory.getLogger(IngestResources.class);
    static final String DEVICES_FILE = "lorawan-devices.csv";

    static IngestResources open(IngestConfig config, City city) {
        DeviceMap devices = devices(config, city);
        ZoneId zone = zone(config, city);
        DiskSpool spool = DiskSpool.open(config.spoolDir(), config.spoolMaxBytes(), DiskSpool.DEFAULT_SEGMENT_BYTES);
        return new IngestResources(spool, devices, zone);
    }

    private static DeviceMap devices(IngestConfig config, City city) {
        Path file = config.lorawanDevices();
        if (file == null && city.folder() != null && Files.isRegularFile(city.folder().resolve(DEVICES_FILE))) {
            file = city.folder().resolve(DEVICES_FILE);
        }
        if (file == null) {
            return DeviceMap.empty();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            DeviceMap m = DeviceMap.parse(r, file.toString());
            LOG.info("device mapping {}: {} devices", file, m.size());
            return m;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("PARKLEIT_LORAWAN_DEVICES: cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    private static ZoneId zone(IngestConfig config, City city) {
        if (config.zone() != null) {
            return config.zone();
        }
        if (city.timezone() != null) {
            try {
                return ZoneId.of(city.timezone());
            } catch (RuntimeException e) {
                LOG.warn("cannot read the timezone of {}: {}", city.name(), e.toString());
            }
        }
        return ZoneOffset.UTC;
    }
}
