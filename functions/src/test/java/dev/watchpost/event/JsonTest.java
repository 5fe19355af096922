package dev.watchpost.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    @Test
    void itemsReadsEveryListShapeCloudTrailUses() throws Exception {
        assertEquals(2, Json.items(tree("{\"items\":[{\"a\":1},{\"a\":2}]}")).size());
        assertEquals(2, Json.items(tree("[{\"a\":1},{\"a\":2}]")).size());
        assertEquals(1, Json.items(tree("{\"a\":1}")).size());
        assertTrue(Json.items(tree("{}")).isEmpty());
        assertTrue(Json.items(tree("null")).isEmpty());
        assertTrue(Json.items(tree("\"text\"")).isEmpty());
        assertTrue(Json.items(tree("{\"items\":null}")).isEmpty());
        assertEquals(1, Json.items(tree("[1, {\"a\":1}, null]")).size());
    }

    @Test
    void integerReadsNumbersAndNumericStringsOnly() throws Exception {
        assertEquals(22, Json.integer(tree("22")).orElseThrow());
        assertEquals(22, Json.integer(tree("\"22\"")).orElseThrow());
        assertTrue(Json.integer(tree("\"twenty\"")).isEmpty());
        assertTrue(Json.integer(tree("22.5")).isEmpty());
        assertTrue(Json.integer(tree("99999999999")).isEmpty());
    }

    @Test
    void boolReadsBooleansAndTheirStrings() throws Exception {
        assertEquals(true, Json.bool(tree("true")).orElseThrow());
        assertEquals(false, Json.bool(tree("\"false\"")).orElseThrow());
        assertTrue(Json.bool(tree("1")).isEmpty());
    }

    @Test
    void pathStopsSafelyAtNullsAndScalars() throws Exception {
        JsonNode root = tree("{\"a\":{\"b\":null},\"c\":5}");
        assertTrue(Json.path(root, "a", "b").isMissingNode());
        assertTrue(Json.path(root, "c", "d").isMissingNode());
        assertEquals("5", Json.text(root, "c"));
        assertEquals("", Json.text(root, "a"));
        assertEquals("x", Json.text(Json.anyOf(tree("{\"GroupId\":\"x\"}"), "groupId", "GroupId")));
    }
}
