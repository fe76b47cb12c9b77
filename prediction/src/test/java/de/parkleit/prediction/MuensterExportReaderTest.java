package de.parkleit.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuensterExportReaderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<ExportLot> LOTS = List.of(new ExportLot("PH A", "ph-a", 100),
            new ExportLot("PH B", "ph-b", 50));

    private static OccupancyExport read(String csv) throws IOException {
        return new MuensterExportReader(BERLIN, LOTS).read(new StringReader(csv));
    }

    private static long slot(String utc) {
        return SlotClock.slotOf(Instant.parse(utc));
    }

    @Test
    void readsFreeSpacesAndTheCodesForFullClosedAndNoData() throws IOException {
        OccupancyExport e = read("""
                timestamp_local,PH A,PH B
                2024-01-10 12:00,42,bes
                2024-01-10 12:05,ges,kei
                2024-01-10 12:10,,-3
                2024-01-10 12:15,x1,7
                """);
        OccupancySeries a = e.series("ph-a").orElseThrow();
        OccupancySeries b = e.series("ph-b").orElseThrow();
        long noon = slot("2024-01-10T11:00:00Z");
        assertThat(a.freeAt(noon)).isEqualTo(42);
        assertThat(b.freeAt(noon)).isZero();
        assertThat(b.isFullByCode(noon)).isTrue();
        assertThat(a.isFullByCode(noon)).isFalse();
        assertThat(a.freeAt(noon + 1)).isNaN();
        assertThat(b.freeAt(noon + 1)).isNaN();
        assertThat(b.freeAt(noon + 2)).isNaN();
        assertThat(b.freeAt(noon + 3)).isEqualTo(7);
        assertThat(e.cells().get("ph-a")).isEqualTo(new OccupancyExport.CellCounts(1, 0, 1, 1, 1));
        assertThat(e.cells().get("ph-b")).isEqualTo(new OccupancyExport.CellCounts(1, 1, 0, 1, 1));
        assertThat(a.capacity()).isEqualTo(100);
        assertThat(a.isClosedByCode(noon + 1)).as("ges").isTrue();
        assertThat(b.isClosedByCode(noon + 1)).as("kei is no data, not closed").isFalse();
        assertThat(a.isClosedByCode(noon)).isFalse();
    }

    @Test
    void closedSlotsStayMarkedThroughCleaning() throws IOException {
        OccupancySeries a = read("""
                timestamp_local,PH A,PH B
                2024-01-10 12:00,42,1
                2024-01-10 12:05,ges,2
                2024-01-10 12:10,40,3
                """).series("ph-a").orElseThrow();
        OccupancySeries clean = new SeriesCleaner(CleaningRules.defaults()).clean(a).series();
        long closed = slot("2024-01-10T11:05:00Z");
        assertThat(clean.isClosedByCode(closed)).isTrue();
        assertThat(clean.freeAt(closed)).isNaN();
        assertThat(clean.isClosedByCode(closed + 1)).isFalse();
    }

    @Test
    void skipsTheNonexistentHourWhenClocksGoForward() throws IOException {
        OccupancyExport e = read("""
                timestamp_local,PH A
                2024-03-31 01:45,10
                2024-03-31 02:30,11
                2024-03-31 03:00,12
                """);
        OccupancySeries a = e.series("ph-a").orElseThrow();
        assertThat(e.skippedRows()).isEqualTo(1);
        // 01:45 CET = 00:45 UTC, 03:00 CEST = 01:00 UTC: 15 minutes apart
        assertThat(a.freeAt(slot("2024-03-31T00:45:00Z"))).isEqualTo(10);
        assertThat(a.freeAt(slot("2024-03-31T01:00:00Z"))).isEqualTo(12);
        assertThat(a.length()).isEqualTo(4);
    }

    @Test
    void placesTheRepeatedHourWhenClocksGoBackAfterTheFirstPass() throws IOException {
        OccupancyExport e = read("""
                timestamp_local,PH A
                2024-10-27 01:45,1
                2024-10-27 02:00,2
                2024-10-27 02:45,3
                2024-10-27 02:00,4
                2024-10-27 02:45,5
                2024-10-27 03:00,6
                """);
        OccupancySeries a = e.series("ph-a").orElseThrow();
        assertThat(e.repeatedLocalHourRows()).isEqualTo(2);
        assertThat(a.freeAt(slot("2024-10-26T23:45:00Z"))).isEqualTo(1);
        assertThat(a.freeAt(slot("2024-10-27T00:00:00Z"))).isEqualTo(2);
        assertThat(a.freeAt(slot("2024-10-27T00:45:00Z"))).isEqualTo(3);
        assertThat(a.freeAt(slot("2024-10-27T01:00:00Z"))).isEqualTo(4);
        assertThat(a.freeAt(slot("2024-10-27T01:45:00Z"))).isEqualTo(5);
        assertThat(a.freeAt(slot("2024-10-27T02:00:00Z"))).isEqualTo(6);
    }

    @Test
    void givesAnUnlistedColumnAnIdFromItsNameAndItsLargestValueAsCapacity() throws IOException {
        OccupancyExport e = new MuensterExportReader(BERLIN, List.of()).read(new StringReader("""
                \uFEFFtimestamp_local,PP Schlossplatz Süd
                2024-01-10 12:00,17
                2024-01-10 12:05,23
                """));
        OccupancySeries s = e.series("pp-schlossplatz-sued").orElseThrow();
        assertThat(s.capacity()).isEqualTo(23);
        assertThat(s.name()).isEqualTo("PP Schlossplatz Süd");
    }

    @Test
    void rejectsAFileWithoutCarParkColumns() {
        assertThatThrownBy(() -> read("timestamp_local\n2024-01-10 12:00\n")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(IOException.class);
    }

    @Test
    void readsTheLotsFileWithCapacityAndIdFallbacks() throws IOException {
        List<ExportLot> lots = MuensterLotsReader.read(new StringReader("""
                column_name,parkapi2_id,type,capacity_city_2026,capacity_parkapi2,lat,lon,city_lot_no
                PH Theater,muensterphtheater,garage,743,748,51.96,7.62,1
                PH Neu,,garage,,120,,,
                Ohne,,,,,,,
                """));
        assertThat(lots).containsExactly(new ExportLot("PH Theater", "muensterphtheater", 743),
                new ExportLot("PH Neu", "ph-neu", 120));
    }

    @Test
    void opensGzippedAndPlainFilesAlike(@TempDir Path dir) throws IOException {
        String csv = "timestamp_local,PH A\n2024-01-10 12:00,5\n";
        Path plain = Files.writeString(dir.resolve("a.csv"), csv);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Path zipped = Files.write(dir.resolve("a.csv.gz"), bytes.toByteArray());
        for (Path p : List.of(plain, zipped)) {
            try (Reader r = MuensterHistory.open(p)) {
                OccupancyExport e = new MuensterExportReader(BERLIN, LOTS).read(r);
                assertThat(e.series("ph-a").orElseThrow().validCount()).isEqualTo(1);
            }
        }
    }
}
