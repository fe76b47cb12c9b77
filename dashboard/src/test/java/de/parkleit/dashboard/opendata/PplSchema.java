package de.parkleit.dashboard.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The official Parking Publication Light JSON Schema (draft 7, test resources {@code schemas/ppl}, see
 * its README), loaded with {@code com.networknt:json-schema-validator} with format assertions on.
 * Shared with the app's integration test.
 */
public final class PplSchema {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(SchemaLocation.of("classpath:schemas/ppl/DATEXII_3_D2Payload.json"));

    private PplSchema() {
    }

    /** The validation errors of a document, empty when it is valid. */
    public static List<String> errors(String json) {
        List<String> out = new ArrayList<>();
        for (Error e : SCHEMA.validate(json, InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }
}
