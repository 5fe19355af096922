package dev.watchpost.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An AWS SDK model object as the JSON its service receives, field names as marshalled ({@code SchemaVersion},
 * {@code ProductArn}, …), unset fields left out. Walks the SDK's own field metadata ({@link SdkPojo#sdkFields()}),
 * no reflection, so a CLI preview is the same document the SDK sends. Stateless.
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {}

    static JsonNode of(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case SdkPojo pojo -> {
                ObjectNode node = NODES.objectNode();
                for (SdkField<?> field : pojo.sdkFields()) {
                    Object fieldValue = field.getValueOrDefault(pojo);
                    if (fieldValue != null && !(fieldValue instanceof SdkAutoConstructList<?>)
                            && !(fieldValue instanceof SdkAutoConstructMap<?, ?>)) {
                        node.set(field.locationName(), of(fieldValue));
                    }
                }
                yield node;
            }
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(element -> array.add(of(element)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode node = NODES.objectNode();
                map.forEach((key, element) -> node.set(String.valueOf(key), of(element)));
                yield node;
            }
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case Instant instant -> NODES.textNode(instant.toString());
            default -> NODES.textNode(value.toString());
        };
    }
}
