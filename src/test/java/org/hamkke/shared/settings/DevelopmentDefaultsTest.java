package org.hamkke.shared.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Outside the dev run, a secret published in the source stops the start; the log names the setting, never its value. */
class DevelopmentDefaultsTest {

    @Test
    void outsideTheDevRunThePublishedValuesAreRefused() {
        assertEquals(List.of("hamkke.oidc.client-secret (HAMKKE_OIDC_CLIENT_SECRET)", "hamkke.db.password (HAMKKE_DB_PASSWORD)"),
                DevelopmentDefaults.stillDevelopmentValues(false, "dev-only-not-a-secret", "hamkke"));
        assertEquals(List.of("hamkke.db.password (HAMKKE_DB_PASSWORD)"),
                DevelopmentDefaults.stillDevelopmentValues(false, "kc-7f3a9e", "hamkke"));
        assertEquals(List.of("hamkke.oidc.client-secret (HAMKKE_OIDC_CLIENT_SECRET)"),
                DevelopmentDefaults.stillDevelopmentValues(false, "dev-only-not-a-secret", "s3cret-db"));
        assertEquals(List.of(), DevelopmentDefaults.stillDevelopmentValues(false, "kc-7f3a9e", "s3cret-db"));
    }

    @Test
    void theDevRunMayUseThem() {
        assertEquals(List.of(), DevelopmentDefaults.stillDevelopmentValues(true, "dev-only-not-a-secret", "hamkke"));
    }

    @Test
    void theRuleKnowsThePackagedDefaults() throws Exception {
        Properties packaged = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            packaged.load(in);
        }
        assertEquals(DevelopmentDefaults.DEV_CLIENT_SECRET, packaged.getProperty("hamkke.oidc.client-secret"));
        assertEquals(DevelopmentDefaults.DEV_DB_PASSWORD, packaged.getProperty("hamkke.db.password"));
        assertFalse(Boolean.parseBoolean(packaged.getProperty("hamkke.dev-mode", "false")), "Never dev mode by default");
    }
}
