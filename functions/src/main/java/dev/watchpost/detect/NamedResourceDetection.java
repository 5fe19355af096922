package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * A detection of a call on one resource that the event names, with little more to decide: the finding names the
 * resource in its title, as its resource and as one context entry. Several detections have exactly this shape, so it
 * is written here once and each states only its words; one with more to say adds it in {@link #describe}, one that
 * fires on some calls only says which in {@link #applies}. Immutable.
 */
public abstract class NamedResourceDetection extends SuccessfulCallDetection {
    private final NamedResource resource;
    private final String before;
    private final String standIn;
    private final String after;

    /**
     * @param title the finding's title with the resource's place in braces, which hold what to say when the event
     *              does not name it: {@code "User data of {an instance} changed"},
     *              {@code "CloudTrail trail {} deleted"}
     */
    protected NamedResourceDetection(String id, NamedResource resource, String title) {
        super(id);
        int open = title.indexOf('{');
        int close = open < 0 ? -1 : title.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException("detection " + id + ": title \"" + title
                    + "\" has no {…} for the resource's place");
        }
        this.resource = resource;
        this.before = title.substring(0, open);
        this.standIn = title.substring(open + 1, close);
        this.after = title.substring(close + 1);
    }

    @Override
    protected final List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        if (!applies(event)) {
            return List.of();
        }
        String id = resource.id().apply(event);
        FindingBuilder finding = finding(event)
                .title(title(id))
                .resource(resource.type(), id)
                .context(resource.contextKey(), id);
        return describe(event, id, finding).buildList();
    }

    /** Whether this call fires; all successful calls unless a detection says otherwise. */
    protected boolean applies(CloudTrailEvent event) {
        return true;
    }

    /** The finding with what this detection adds after the resource's context entry; nothing unless it says. */
    protected FindingBuilder describe(CloudTrailEvent event, String id, FindingBuilder finding) {
        return finding;
    }

    /** The title naming the resource; an empty stand-in drops the resource's place with its space. */
    private String title(String id) {
        if (id.isEmpty()) {
            return standIn.isEmpty() ? before.stripTrailing() + after : before + standIn + after;
        }
        return before + resource.label().apply(id) + after;
    }
}
