package de.parkleit.bench.feeds;

import de.parkleit.core.codec.ReadingCodec;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.topic.Topics;
import de.parkleit.feeds.FeedReadings;
import de.parkleit.feeds.FeedSnapshot;
import de.parkleit.feeds.Xml;
import de.parkleit.feeds.datex2.Datex2Parser;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A generated DATEX II v2.3 ParkingStatusPublication of 5,000 ParkingSiteStatus (same element layout
 * as aachen-realtime.xml): full path (parse → map/validate → topic + native payload bytes, i.e.
 * everything up to the MQTT client's publish call) against a floor (one plain StAX pass, no work).
 */
public final class Datex2Bench {

    public static void main(String[] args) throws Exception {
        int n = 5000;
        byte[] xml = generate(n, Instant.parse("2025-02-07T19:00:00Z"));
        System.out.printf("payload: %d sites, %.1f MB%n", n, xml.length / 1e6);
        XMLInputFactory f = Xml.secureInputFactory();
        Topics topics = Topics.defaults();
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bestFloor = Long.MAX_VALUE;
        long bestFull = Long.MAX_VALUE;
        long allocFull = 0;
        long sink = 0;
        for (int round = 0; round < 20; round++) {
            long t0 = System.nanoTime();
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                sink += r.next();
            }
            r.close();
            long t1 = System.nanoTime();
            long a0 = tmx.getCurrentThreadAllocatedBytes();
            FeedSnapshot snap = new Datex2Parser().parse(new ByteArrayInputStream(xml));
            FeedReadings.Result res = new FeedReadings(Map.of(), true, Duration.ofMinutes(5))
                    .apply(snap, Instant.parse("2025-02-07T19:10:00Z"));
            for (OccupancyReading o : res.readings()) {
                sink += topics.occupancy(o.facilityId()).length() + ReadingCodec.encode(o).length;
            }
            long t2 = System.nanoTime();
            long a1 = tmx.getCurrentThreadAllocatedBytes();
            if (res.readings().size() != n) {
                throw new IllegalStateException("expected " + n + " readings, got " + res.readings().size());
            }
            bestFloor = Math.min(bestFloor, t1 - t0);
            if (t2 - t1 < bestFull) {
                bestFull = t2 - t1;
                allocFull = a1 - a0;
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("floor (plain StAX pass): %.1f ms%n", bestFloor / 1e6);
        System.out.printf("full (parse + map + encode %d readings): %.1f ms, allocated %.1f MB per run%n",
                n, bestFull / 1e6, allocFull / 1e6);
        System.out.printf("heap: -Xmx%d MB, used after GC %.1f MB (payload bytes held: %.1f MB) [sink %d]%n",
                rt.maxMemory() / (1 << 20), (rt.totalMemory() - rt.freeMemory()) / 1e6, xml.length / 1e6, sink % 10);
    }

    static byte[] generate(int n, Instant t) {
        StringBuilder b = new StringBuilder(n * 1200);
        b.append("<ns2:d2LogicalModel xmlns:ns2=\"http://datex2.eu/schema/2/2_0\" modelBaseVersion=\"2\"><ns2:exchange><ns2:supplierIdentification><ns2:country>de</ns2:country><ns2:nationalIdentifier>DE-BENCH</ns2:nationalIdentifier></ns2:supplierIdentification></ns2:exchange>")
                .append("<ns2:payloadPublication xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" lang=\"de\" xsi:type=\"ns2:GenericPublication\"><ns2:publicationTime>")
                .append(t).append("</ns2:publicationTime><ns2:publicationCreator><ns2:country>de</ns2:country><ns2:nationalIdentifier>DE-BENCH</ns2:nationalIdentifier></ns2:publicationCreator><ns2:genericPublicationName>ParkingStatusPublication</ns2:genericPublicationName><ns2:genericPublicationExtension><ns2:parkingStatusPublication><ns2:headerInformation><ns2:confidentiality>noRestriction</ns2:confidentiality><ns2:informationStatus>real</ns2:informationStatus></ns2:headerInformation>");
        for (int i = 0; i < n; i++) {
            int cap = 100 + i % 900;
            int free = i % cap;
            b.append("<ns2:parkingRecordStatus xsi:type=\"ns2:ParkingSiteStatus\"><ns2:parkingRecordReference id=\"site")
                    .append(i).append("\" targetClass=\"ParkingRecord\" version=\"1\"/><ns2:parkingStatusOriginTime>")
                    .append(t.minusSeconds(i % 600)).append("</ns2:parkingStatusOriginTime><ns2:parkingOccupancy><ns2:parkingNumberOfSpacesOverride>")
                    .append(cap).append("</ns2:parkingNumberOfSpacesOverride><ns2:parkingNumberOfVacantSpaces>").append(free)
                    .append("</ns2:parkingNumberOfVacantSpaces><ns2:parkingNumberOfOccupiedSpaces>").append(cap - free)
                    .append("</ns2:parkingNumberOfOccupiedSpaces><ns2:parkingOccupancy>").append(100.0 * (cap - free) / cap)
                    .append("</ns2:parkingOccupancy><ns2:parkingOccupancyTrend>stable</ns2:parkingOccupancyTrend></ns2:parkingOccupancy>")
                    .append("<ns2:overrideParkingThresholds><ns2:almostFullDecreasing>10</ns2:almostFullDecreasing><ns2:almostFullIncreasing>9</ns2:almostFullIncreasing><ns2:fullDecreasing>1</ns2:fullDecreasing><ns2:fullIncreasing>0</ns2:fullIncreasing></ns2:overrideParkingThresholds>")
                    .append("<ns2:parkingSiteStatus>spacesAvailable</ns2:parkingSiteStatus><ns2:parkingSiteOpeningStatus>open</ns2:parkingSiteOpeningStatus></ns2:parkingRecordStatus>");
        }
        b.append("</ns2:parkingStatusPublication></ns2:genericPublicationExtension></ns2:payloadPublication></ns2:d2LogicalModel>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
