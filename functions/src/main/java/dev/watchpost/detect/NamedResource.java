package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A resource that a call names, as a finding reports it: its type, where the event gives its id, the context key
 * that shows the id, and how a title shows it. Reading an id never fails: a missing one is "". Immutable.
 *
 * @param type       e.g. {@link Resource#INSTANCE}
 * @param id         reads the resource's id from the event ("" when the event does not name it)
 * @param contextKey the finding's context entry for the id
 * @param label      the id as a title shows it (e.g. a trail's short name for its ARN)
 */
public record NamedResource(String type, Function<CloudTrailEvent, String> id, String contextKey,
                            UnaryOperator<String> label) {
    /** An EC2 instance named by the request's {@code instanceId}, shown under {@code contextKey}. */
    public static NamedResource instance(String contextKey) {
        return requestParameter(Resource.INSTANCE, "instanceId", contextKey);
    }

    /** A resource of {@code type} named by the request parameter {@code parameter}, shown as it is. */
    public static NamedResource requestParameter(String type, String parameter, String contextKey) {
        return new NamedResource(type, event -> Json.text(event.requestParameters(), parameter), contextKey,
                UnaryOperator.identity());
    }

    /** This resource with its title label made by {@code shownAs}. */
    public NamedResource shownAs(UnaryOperator<String> shownAs) {
        return new NamedResource(type, id, contextKey, shownAs);
    }
}
