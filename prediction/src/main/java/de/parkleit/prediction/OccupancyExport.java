package de.parkleit.prediction;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of reading an occupancy export: one series per car park column and what the reader saw.
 *
 * @param rows                   data rows read
 * @param skippedRows            rows whose timestamp could not be read or names a local time that does not exist
 *                               (inside the spring-forward gap)
 * @param repeatedLocalHourRows  rows in the repeated hour of the autumn change, placed after the first pass
 * @param cells                  cell counts per facility id
 */
public record OccupancyExport(List<OccupancySeries> series, int rows, int skippedRows, int repeatedLocalHourRows,
                              Map<String, CellCounts> cells) {

    public OccupancyExport {
        series = List.copyOf(series);
        cells = Map.copyOf(cells);
    }

    /** The series of one facility id. */
    public Optional<OccupancySeries> series(String facilityId) {
        return series.stream().filter(s -> s.facilityId().equals(facilityId)).findFirst();
    }

    /** How the cells of one column were coded. */
    public record CellCounts(int free, int full, int closed, int noData, int invalid) {

        CellCounts plus(CellCounts o) {
            return new CellCounts(free + o.free, full + o.full, closed + o.closed, noData + o.noData,
                    invalid + o.invalid);
        }
    }
}
