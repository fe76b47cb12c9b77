package de.parkleit.feeds;

import java.io.InputStream;

/**
 * Reads one payload of a feed format family into sites. Implementations stream (StAX / Jackson
 * streaming), never hold the whole document as a tree, and are stateless and thread-safe.
 * Per-site problems are returned in the snapshot; a payload that cannot be read at all throws.
 */
public interface FeedParser {

    FeedSnapshot parse(InputStream in) throws FeedFormatException;
}
