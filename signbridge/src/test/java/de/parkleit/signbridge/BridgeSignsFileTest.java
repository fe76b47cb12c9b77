package de.parkleit.signbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver keys of signs.geojson, on Heidelberg's real file and on made-up features. */
class BridgeSignsFileTest {

    private static List<BridgeSign> parse(String props) throws Exception {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[8.68,49.4]},\"properties\":{\"id\":\"s1\",\"name\":\"S\",\"heading\":40" + props + "}}]}";
        return BridgeSignsFile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.geojson", SafeText.DASH,
                Map.of("TOKEN_S1", "Bearer abc")::get);
    }

    @Test
    void heidelbergSignsDefaultToTheLogDriver() {
        List<BridgeSign> signs = BridgeSignsFile.read(Path.of("../cities/heidelberg/signs.geojson"), SafeText.DASH, k -> null);
        assertThat(signs).isNotEmpty().allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo("log");
            assertThat(s.safe()).isEqualTo(SafeText.DASH);
        });
        assertThat(signs.get(0).id()).isEqualTo("hd-s01-speyerer");
        assertThat(signs.get(0).bare().heading()).isEqualTo(40);
    }

    @Test
    void readsEveryDriverKey() throws Exception {
        BridgeSign s = parse(",\"driver\":\"http-json\",\"driverUrl\":\"http://c:8080/signs/{sign}\",\"driverMethod\":\"POST\","
                + "\"driverAuthEnv\":\"TOKEN_S1\",\"driverTimeoutMs\":750,\"driverRetries\":0,\"safeText\":\"blank\"").get(0);
        assertThat(s.http().uriFor("s1").toString()).isEqualTo("http://c:8080/signs/s1");
        assertThat(s.http().method()).isEqualTo("POST");
        assertThat(s.http().authorization()).isEqualTo("Bearer abc");
        assertThat(s.http().timeout().toMillis()).isEqualTo(750);
        assertThat(s.http().retries()).isZero();
        assertThat(s.safe()).isEqualTo(SafeText.BLANK);
        assertThat(parse(",\"driver\":\"iris-msgfeed\",\"irisName\":\"V66E37\"").get(0).irisName()).isEqualTo("V66E37");
        assertThat(parse(",\"driver\":\"datex2-vms\"").get(0).irisName()).isEqualTo("s1");
    }

    @Test
    void badKeysAreErrorsNamingFeatureAndKey() {
        assertThatThrownBy(() -> parse(",\"driver\":\"ntcip\"")).hasMessageContaining("feature 0").hasMessageContaining("driver must be one of");
        assertThatThrownBy(() -> parse(",\"driver\":\"http-json\"")).hasMessageContaining("driverUrl");
        assertThatThrownBy(() -> parse(",\"driver\":\"http-json\",\"driverUrl\":\"http://c/\",\"driverAuthEnv\":\"NOPE\""))
                .hasMessageContaining("NOPE, which is not set");
        assertThatThrownBy(() -> parse(",\"driverUrl\":\"http://c/\"")).hasMessageContaining("only for the http-json driver");
        assertThatThrownBy(() -> parse(",\"safeText\":\"stars\"")).hasMessageContaining("dash or blank");
        assertThatThrownBy(() -> parse(",\"driver\":\"http-json\",\"driverUrl\":\"http://c/\",\"driverTimeoutMs\":1.5"))
                .hasMessageContaining("driverTimeoutMs must be an integer");
    }
}
