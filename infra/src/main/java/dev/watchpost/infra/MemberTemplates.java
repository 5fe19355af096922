package dev.watchpost.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.RemediationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The member-roles and forwarder templates as JSON text, for {@link OrganizationStackSets}' {@code TemplateBody}:
 * synthesized by the same stack classes the app also deploys on their own (to the management account), in a private
 * app whose output folder is deleted afterwards. A StackSet's template body may hold at most
 * {@value #MAX_TEMPLATE_BODY_BYTES} bytes; a larger one fails synthesis here instead of the deployment.
 *
 * @param memberRoles the {@link MemberRolesStack} template
 * @param forwarder   the {@link ForwarderStack} template
 */
record MemberTemplates(String memberRoles, String forwarder) {
    /** CloudFormation's limit for a template passed in the request body. */
    static final int MAX_TEMPLATE_BODY_BYTES = 51_200;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static MemberTemplates synthesize(String namePrefix, OrganizationSettings organization, Detections registry,
                                      List<RemediationInfo> catalog) {
        Path outdir = null;
        try {
            outdir = Files.createTempDirectory("watchpost-member-templates");
            App app = new App(AppProps.builder().outdir(outdir.toString()).build());
            MemberRolesStack roles = new MemberRolesStack(app, "MemberRoles", namePrefix, organization, registry,
                    catalog);
            ForwarderStack forwarder = new ForwarderStack(app, "Forwarder", namePrefix, organization, registry);
            CloudAssembly assembly = app.synth();
            return new MemberTemplates(json(assembly, roles.getArtifactId()), json(assembly, forwarder.getArtifactId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(outdir);
        }
    }

    private static String json(CloudAssembly assembly, String artifactId) throws JsonProcessingException {
        String body = MAPPER.writeValueAsString(assembly.getStackArtifact(artifactId).getTemplate());
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEMPLATE_BODY_BYTES) {
            throw new IllegalStateException("the " + artifactId + " template has " + bytes + " bytes, more than the "
                    + MAX_TEMPLATE_BODY_BYTES + " a StackSet's TemplateBody may hold");
        }
        return body;
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + folder, e);
        }
    }
}
