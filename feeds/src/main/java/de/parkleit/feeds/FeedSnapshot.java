package de.parkleit.feeds;

import java.util.List;

/** What one payload held: the sites read and the problems met while reading it. */
public record FeedSnapshot(List<FeedSite> sites, List<FeedProblem> problems) {

    public FeedSnapshot {
        sites = List.copyOf(sites);
        problems = List.copyOf(problems);
    }
}
