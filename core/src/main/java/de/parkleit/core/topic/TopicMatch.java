package de.parkleit.core.topic;

/**
 * A parsed v1 topic.
 *
 * @param id    facility, detector, app, segment or sign id
 * @param subId space id for {@link TopicKind#SPACE}, else null
 */
public record TopicMatch(TopicKind kind, String id, String subId) {
}
