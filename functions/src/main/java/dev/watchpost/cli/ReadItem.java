package dev.watchpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.event.CloudTrailEvent;

/** One thing {@link RecordReader} found in a file, in file order. {@code place} says where: "record 3", "line 7". */
sealed interface ReadItem {
    /** The one {@link Unwatched}: it carries nothing, so one instance serves every record passed over. */
    Unwatched UNWATCHED = new Unwatched();

    /** A CloudTrail record, ready for the pipeline. */
    record Event(String place, CloudTrailEvent event) implements ReadItem {}

    /** A record whose event name no detection watches: counted, passed over unbuilt. */
    record Unwatched() implements ReadItem {}

    /** Something that should have been a record and could not be read; the reason is for people. */
    record Unreadable(String place, String reason) implements ReadItem {}

    /**
     * The whole file is one JSON object, plainly not CloudTrail data (a digest file, or an alarm notification); it is
     * skipped, not an error.
     */
    record NotCloudTrail(String reason, JsonNode value) implements ReadItem {}
}
