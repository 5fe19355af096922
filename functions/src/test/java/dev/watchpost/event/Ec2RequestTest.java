package dev.watchpost.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class Ec2RequestTest {
    private static JsonNode tree(String json) throws Exception {
        return CloudTrailEvent.mapper().readTree(json);
    }

    @Test
    void firstTextTakesTheFirstNodeThatNamesTheField_inEitherCase() throws Exception {
        JsonNode request = tree("{\"PolicyDocument\":\"\"}");
        JsonNode response = tree("{\"policyDocument\":\"permit(principal,action,resource);\"}");
        assertEquals("permit(principal,action,resource);", Ec2Request.firstText("PolicyDocument", request, response));
        assertEquals("a", Ec2Request.firstText("Id", tree("{\"id\":\"a\"}"), tree("{\"Id\":\"b\"}")));
    }

    @Test
    void firstTextIsEmptyWhenNoNodeNamesTheField() throws Exception {
        assertEquals("", Ec2Request.firstText("Id", tree("{}"), MissingNode.getInstance(), tree("null")));
    }
}
