package de.parkleit.feeds;

/**
 * Something wrong in a feed: a whole payload ({@code sourceId} null) or one site.
 *
 * @param reason short machine-readable reason, used as a metric tag (see {@link Reasons})
 */
public record FeedProblem(String reason, String sourceId, String detail) {

    @Override
    public String toString() {
        return reason + (sourceId == null ? "" : " [" + sourceId + "]") + ": " + detail;
    }
}
