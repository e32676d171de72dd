package cn.luohu.qpb.standard;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The six published standards (指标体系) the portal starts with, one per organisation category, kept as
 * JSON resources under {@code standards/}. An empty database is seeded from them (by the standards
 * seeder), so district staff have a realistic, complete standard for every category before they write
 * their own versions. Each file holds one {@link StandardDefinition} as Jackson serialises the record.
 * A missing or unreadable file is a packaging error and fails loudly, naming the file.
 */
public final class SeedStandards {

    /** The resources, in the order of {@link cn.luohu.qpb.organization.Category}. */
    static final List<String> RESOURCES = List.of(
            "standards/community.json",
            "standards/non-public-enterprise.json",
            "standards/social-organization.json",
            "standards/building-park.json",
            "standards/urban-village.json",
            "standards/agency.json");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SeedStandards() {
    }

    /** The six seeded standards, in the order of {@link #RESOURCES}. */
    public static List<StandardDefinition> load() {
        List<StandardDefinition> standards = new ArrayList<>();
        for (String resource : RESOURCES) {
            standards.add(read(resource));
        }
        return List.copyOf(standards);
    }

    private static StandardDefinition read(String resource) {
        try (InputStream in = SeedStandards.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seeded standard " + resource + " is missing from the classpath");
            }
            StandardDefinition standard = JSON.readValue(in, StandardDefinition.class);
            if (standard == null) {
                throw new IllegalStateException("seeded standard " + resource + " is empty");
            }
            return standard;
        } catch (JacksonException | IOException e) {
            throw new IllegalStateException("seeded standard " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }
}
