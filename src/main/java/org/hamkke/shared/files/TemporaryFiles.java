package org.hamkke.shared.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;
import org.hamkke.shared.retention.Housekeeper;

/**
 * Where uploads wait while a person is still filling in a form: {@code <hamkke.files.dir>/tmp},
 * outside the web root. Whatever is left there longer than {@code hamkke.housekeeping.temp-file-age}
 * (a day by default) was abandoned, and the nightly housekeeping removes it.
 */
/** Scratch files of uploads in progress, and their sweep. */
@Allowed(signedIn = true, portal = true)
@ApplicationScoped
public class TemporaryFiles implements Housekeeper {

    private static final Logger LOG = Logger.getLogger(TemporaryFiles.class.getName());

    @Inject
    @ConfigProperty(name = "hamkke.files.dir", defaultValue = "hamkke-files")
    String filesDir;

    @Inject
    @ConfigProperty(name = "hamkke.housekeeping.temp-file-age", defaultValue = "PT24H")
    Duration maxAge;

    public Path directory() {
        Path dir = Path.of(filesDir).toAbsolutePath().resolve("tmp");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    @Override
    public String name() {
        return "temporary files";
    }

    @Override
    public int clean(Instant now) {
        Instant cutoff = now.minus(maxAge);
        int removed = 0;
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    // Another instance sharing the folder may have removed it a moment ago: fine.
                    if (Files.deleteIfExists(file)) {
                        removed++;
                    }
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "Housekeeping of temporary files stopped early: " + e);
        }
        return removed;
    }
}
