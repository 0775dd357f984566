package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hamkke.devstack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The nightly housekeeping, fired through the job store, removes stored attachments that no
 * application points to once they are a day old, and leaves the one an application points to and
 * the orphan that may still belong to an upload in progress.
 */
class AttachmentSweepIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    @Test
    void anOrphanedFileOlderThanADayIsRemovedAndAReferencedOneStays() throws Exception {
        Stack stack = TestStack.owned();
        assumeTrue(stack != null, "needs the files folder of the stack this run started");
        Path attachments = Files.createDirectories(stack.settings().dataDir().resolve("portal/files/attachments"));
        String username = people.create("en");
        String referencedKey = UUID.randomUUID().toString();
        long call = (Long) Db.value("insert into programme_call (title, summary, opens_at, closes_at, time_zone) values "
                + "('{\"en\": \"Sweep call\"}', '{\"en\": \"x\"}', now() - interval '5 days', now() + interval '5 days', 'UTC') returning id");
        long question = (Long) Db.value("insert into call_question (call_id, position, kind, label, required) values "
                + "(?, 1, 'FILE', '{\"en\": \"Budget\"}', true) returning id", call);
        long application = (Long) Db.value("insert into application (call_id, applicant_id, name, created_at, updated_at) "
                + "select ?, id, 'Sweep draft', now(), now() from person where username = ? returning id", call, username);
        Db.execute("insert into application_file (application_id, question_id, storage_key, original_name, media_type, size_bytes, sha256, "
                + "uploaded_at) values (?, ?, ?, 'budget.pdf', 'application/pdf', 9, repeat('a', 64), now() - interval '3 days')",
                application, question, referencedKey);

        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        Path referenced = aged(attachments.resolve(referencedKey), threeDaysAgo);
        Path oldOrphan = aged(attachments.resolve(UUID.randomUUID().toString()), threeDaysAgo);
        Path newOrphan = aged(attachments.resolve(UUID.randomUUID().toString()), Instant.now().minus(Duration.ofHours(2)));

        String trigger = "sweep-files-" + username;
        try (var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-file-sweep")) {
            jobs.fireOnce("housekeeping", trigger, 0, Map.of());
        }
        assertTrue(Db.eventually(Duration.ofSeconds(30), () -> "SUCCEEDED".equals(
                Db.value("select outcome from job_run where trigger_name = ?", trigger))), "The housekeeping ran");

        assertFalse(Files.exists(oldOrphan), "A file no application points to, three days old, is removed");
        assertTrue(Files.exists(newOrphan), "A recent one may belong to an upload not yet committed: kept");
        assertTrue(Files.exists(referenced), "A file an application points to is kept, however old");
    }

    private static Path aged(Path file, Instant modified) throws Exception {
        Files.writeString(file, "%PDF-1.4\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
