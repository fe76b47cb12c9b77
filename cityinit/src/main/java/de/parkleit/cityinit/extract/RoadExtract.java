package de.parkleit.cityinit.extract;

import de.parkleit.cityinit.area.BoundingBox;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The car roads cut out of a region: the kept ways, every node they use (sorted ids, positions in
 * 1e-7 degrees, tags of barrier nodes), the parking areas found, and what was scanned.
 *
 * @param regionBounds box around every node of the region file, null if it had none
 * @param outsideRefs  references of kept ways to nodes missing from the region file
 */
public record RoadExtract(List<OsmWay> ways, long[] nodeIds, int[] latE7, int[] lonE7, Map<Integer, Map<String, String>> nodeTags,
                          List<OsmParking> parking, BoundingBox regionBounds, long regionNodes, long regionWays,
                          int outsideRefs, long millis) {

    /** Index of a node in {@link #nodeIds}, or a negative number if the extract does not hold it. */
    public int indexOf(long nodeId) {
        return Arrays.binarySearch(nodeIds, nodeId);
    }
}
