package de.parkleit.prediction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the car park list of the Münster open-data export ({@code parking_lots_muenster.csv}): columns
 * {@code column_name, parkapi2_id, type, capacity_city_2026, capacity_parkapi2, ...}. The capacity is the city's
 * figure, else ParkAPI's; the id is the ParkAPI id, else one made from the column name. Rows without any capacity
 * are skipped.
 */
public final class MuensterLotsReader {

    private MuensterLotsReader() {
    }

    public static List<ExportLot> read(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        String header = reader.readLine();
        if (header == null) {
            throw new IOException("lots file is empty");
        }
        List<String> names = CsvFields.split(CsvFields.stripBom(header));
        int column = requireColumn(names, "column_name");
        int id = names.indexOf("parkapi2_id");
        int cityCapacity = names.indexOf("capacity_city_2026");
        int apiCapacity = names.indexOf("capacity_parkapi2");
        if (cityCapacity < 0 && apiCapacity < 0) {
            throw new IOException("lots file has neither capacity_city_2026 nor capacity_parkapi2");
        }
        List<ExportLot> lots = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = CsvFields.split(line);
            String name = field(f, column);
            int capacity = parsePositive(field(f, cityCapacity));
            if (capacity <= 0) {
                capacity = parsePositive(field(f, apiCapacity));
            }
            if (name.isEmpty() || capacity <= 0) {
                continue;
            }
            String lotId = field(f, id);
            try {
                lots.add(new ExportLot(name, lotId.isEmpty() ? ExportLot.idFromColumn(name) : lotId, capacity));
            } catch (IllegalArgumentException e) {
                throw new IOException("lots file line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return lots;
    }

    private static int requireColumn(List<String> names, String name) throws IOException {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IOException("lots file has no column " + name + " (header: " + names + ")");
        }
        return i;
    }

    private static String field(List<String> f, int i) {
        return i >= 0 && i < f.size() ? f.get(i) : "";
    }

    private static int parsePositive(String s) {
        try {
            return s.isEmpty() ? -1 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
