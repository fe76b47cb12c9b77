package de.parkleit.prediction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Münster occupancy export ({@code parking_free_muenster_*.csv}, optionally gzipped by the caller): first
 * column {@code timestamp_local} in local time without offset, then one column of free spaces per car park.
 *
 * <p>Cells: an integer is free spaces; {@code bes} ("besetzt") is full, stored as 0 and marked as full by code;
 * {@code ges} ("geschlossen") is closed, stored as no value and marked as closed by code, and {@code kei} ("keine Daten") or an empty cell is no data, both stored as
 * no value; anything else, including negative numbers, is invalid and stored as no value. Whether a bare 0 means
 * full or "not connected" is left to {@link SeriesCleaner}.
 *
 * <p>Local time: a time inside the spring-forward gap does not exist and its row is skipped. A time inside the
 * repeated autumn hour is taken at the earlier offset the first time it appears and at the later offset when it
 * appears again (the export lists the hour twice, in order). Each row goes to the five-minute slot containing it;
 * a later row for the same slot wins.
 */
public final class MuensterExportReader {

    private final ZoneId zone;
    private final Map<String, ExportLot> lotsByColumn;

    /**
     * @param zone the zone of {@code timestamp_local} (Europe/Berlin for Münster)
     * @param lots capacities and ids by column; a column not listed gets an id made from its name and its largest
     *             value as capacity
     */
    public MuensterExportReader(ZoneId zone, List<ExportLot> lots) {
        this.zone = zone;
        this.lotsByColumn = new LinkedHashMap<>();
        lots.forEach(l -> lotsByColumn.put(l.column(), l));
    }

    public OccupancyExport read(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in, 1 << 16);
        String header = reader.readLine();
        if (header == null) {
            throw new IOException("occupancy file is empty");
        }
        List<String> columns = CsvFields.split(CsvFields.stripBom(header));
        if (columns.size() < 2) {
            throw new IOException("occupancy file needs a timestamp column and at least one car park column");
        }
        Rows rows = new Rows(columns.size() - 1);
        ZoneRules rules = zone.getRules();
        String line;
        Instant previous = null;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = CsvFields.split(line);
            Instant t = resolve(f.get(0), rules, previous, rows);
            if (t == null) {
                rows.skipped++;
                continue;
            }
            previous = t;
            rows.add(t, f);
        }
        return rows.toExport(columns.subList(1, columns.size()));
    }

    private Instant resolve(String text, ZoneRules rules, Instant previous, Rows rows) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return null;
        }
        Instant first = local.toInstant(offsets.get(0));
        if (offsets.size() == 1) {
            return first;
        }
        Instant second = local.toInstant(offsets.get(1));
        Instant earlier = first.isBefore(second) ? first : second;
        Instant later = first.isBefore(second) ? second : first;
        if (previous != null && !earlier.isAfter(previous)) {
            rows.repeatedLocalHour++;
            return later;
        }
        return earlier;
    }

    /** Rows as read, before they are put on the slot grid. */
    private final class Rows {
        private final int columns;
        private long[] slots = new long[1024];
        private float[][] values;
        private final BitSet[] full;
        private final BitSet[] closed;
        private final int[][] counts;
        private int size;
        int skipped;
        int repeatedLocalHour;

        Rows(int columns) {
            this.columns = columns;
            this.values = new float[columns][1024];
            this.full = new BitSet[columns];
            this.closed = new BitSet[columns];
            this.counts = new int[columns][5];
            for (int c = 0; c < columns; c++) {
                full[c] = new BitSet();
                closed[c] = new BitSet();
            }
        }

        void add(Instant t, List<String> fields) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                for (int c = 0; c < columns; c++) {
                    values[c] = Arrays.copyOf(values[c], size * 2);
                }
            }
            slots[size] = SlotClock.slotOf(t);
            for (int c = 0; c < columns; c++) {
                String cell = c + 1 < fields.size() ? fields.get(c + 1) : "";
                values[c][size] = parseCell(cell, c);
            }
            size++;
        }

        private float parseCell(String cell, int column) {
            String s = cell.toLowerCase(Locale.ROOT);
            switch (s) {
                case "bes":
                    counts[column][1]++;
                    full[column].set(size);
                    return 0f;
                case "ges":
                    counts[column][2]++;
                    closed[column].set(size);
                    return Float.NaN;
                case "kei", "":
                    counts[column][3]++;
                    return Float.NaN;
                default:
                    try {
                        int v = Integer.parseInt(s);
                        if (v >= 0) {
                            counts[column][0]++;
                            return v;
                        }
                    } catch (NumberFormatException e) {
                        // counted as invalid below
                    }
                    counts[column][4]++;
                    return Float.NaN;
            }
        }

        OccupancyExport toExport(List<String> names) {
            SlotClock clock = new SlotClock(zone);
            List<OccupancySeries> series = new ArrayList<>();
            Map<String, OccupancyExport.CellCounts> cells = new HashMap<>();
            if (size == 0) {
                return new OccupancyExport(series, 0, skipped, repeatedLocalHour, cells);
            }
            long first = Arrays.stream(slots, 0, size).min().orElseThrow();
            long last = Arrays.stream(slots, 0, size).max().orElseThrow();
            int length = Math.toIntExact(last - first + 1);
            for (int c = 0; c < columns; c++) {
                float[] grid = new float[length];
                Arrays.fill(grid, Float.NaN);
                BitSet fullGrid = new BitSet(length);
                BitSet closedGrid = new BitSet(length);
                float max = 0;
                for (int r = 0; r < size; r++) {
                    int i = (int) (slots[r] - first);
                    grid[i] = values[c][r];
                    fullGrid.set(i, full[c].get(r));
                    closedGrid.set(i, closed[c].get(r));
                    if (values[c][r] > max) {
                        max = values[c][r];
                    }
                }
                String name = names.get(c);
                ExportLot lot = lotsByColumn.getOrDefault(name,
                        new ExportLot(name, ExportLot.idFromColumn(name), Math.max(1, (int) max)));
                series.add(new OccupancySeries(lot.facilityId(), name, lot.capacity(), clock, first, grid, fullGrid, closedGrid));
                int[] k = counts[c];
                cells.merge(lot.facilityId(), new OccupancyExport.CellCounts(k[0], k[1], k[2], k[3], k[4]),
                        OccupancyExport.CellCounts::plus);
            }
            return new OccupancyExport(series, size, skipped, repeatedLocalHour, cells);
        }
    }
}
