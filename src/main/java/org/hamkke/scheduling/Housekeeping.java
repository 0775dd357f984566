package org.hamkke.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.retention.Housekeeper;

/**
 * The nightly clean-up: asks every context's {@link Housekeeper} to remove what expired. One
 * housekeeper failing does not stop the others; the report says what each removed.
 */
@Allowed(portal = true)
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    @Any
    Instance<Housekeeper> housekeepers;

    /** @return what each housekeeper removed, by name; -1 where it failed */
    public Map<String, Integer> run(Instant now) {
        Map<String, Integer> report = new LinkedHashMap<>();
        for (Housekeeper housekeeper : housekeepers) {
            try {
                report.put(housekeeper.name(), housekeeper.clean(now));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Housekeeping of " + housekeeper.name() + " failed", e);
                report.put(housekeeper.name(), -1);
            }
        }
        return report;
    }
}
