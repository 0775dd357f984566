package org.hamkke.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamkke.academy.certificate.BitstringStatusList;
import org.hamkke.devstack.DemoLogin;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Certificates through the real stack: completed enrolments (written as the completion leaves them)
 * get exactly one certificate each however many triggers issue them at once; the learner finds it
 * on "My learning", downloads the PDF (its text and QR code read back) and the Open Badge; the
 * public page verifies it by code and by the pasted credential, refuses an edited one with the
 * reason in the reader's language; staff revoke it with a reason and every verification then says
 * so, the status list too; nobody else downloads it; the learner is told once. The Arabic and
 * Urdu certificates are drawn to images for the README.
 */
class CertificateIT {

    @RegisterExtension
    final TestPeople people = new TestPeople();

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    // ---- 1. exactly once

    @Test
    void aCompletedEnrolmentGetsExactlyOneCertificateHoweverManyTriggersAtOnce() throws Exception {
        String tag = tag();
        long cohort = AcademyData.cohort(AcademyData.course("Certificates at once " + tag), 80);
        int completers = 60;
        List<Long> enrolments = new ArrayList<>();
        for (int i = 0; i < completers; i++) {
            long person = IntakeData.person("Learner " + i + " " + tag, "learner" + i + "+" + tag + "@it.example", "");
            enrolments.add(AcademyData.completed(cohort, person));
        }
        // Four staff pages (two staff sessions, two admin ones) each about to press "issue missing", and two sweeps.
        List<Visitor> visitors = new ArrayList<>();
        List<HtmlPage> pages = new ArrayList<>();
        for (DemoLogin login : List.of(DemoLogin.STAFF, DemoLogin.STAFF, DemoLogin.ADMIN, DemoLogin.ADMIN)) {
            Visitor visitor = new Visitor();
            visitor.open("/staff/certificates.xhtml?cohort=" + cohort);
            HtmlPage page = visitor.submitKeycloakLogin(login.username(), login.password());
            assertEquals(String.valueOf(completers), page.getElementById("certificate-counts").getAttribute("data-missing"));
            visitors.add(visitor);
            pages.add(page);
        }
        ExecutorService pool = Executors.newFixedThreadPool(pages.size() + 2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HtmlPage>> clicks = new ArrayList<>();
        List<String> sweeps = List.of("certificates-a-" + tag, "certificates-b-" + tag);
        long started;
        var jobs = new JobStoreClient(TestStack.jdbcUrl(), "it-certificates-" + tag);
        try {
            // The staff press one after another while the sweeps are at work (the job store hands a new
            // trigger to an instance within a second, and a sweep issues one certificate after another).
            for (int i = 0; i < pages.size(); i++) {
                HtmlPage page = pages.get(i);
                long delay = 1000 + 400L * i;
                clicks.add(pool.submit(() -> {
                    go.await();
                    Thread.sleep(delay);
                    return page.<HtmlElement>getHtmlElementById("issue:issueMissing").click();
                }));
            }
            List<Future<Object>> fired = new ArrayList<>();
            for (String trigger : sweeps) {
                fired.add(pool.submit(() -> {
                    go.await();
                    synchronized (jobs) {
                        jobs.fireOnce("certificate-sweep", trigger, 0, Map.of());
                    }
                    return null;
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<Object> f : fired) {
                f.get(60, TimeUnit.SECONDS);
            }
            int reportedByStaff = 0;
            for (Future<HtmlPage> click : clicks) {
                String text = click.get(120, TimeUnit.SECONDS).asNormalizedText();
                Matcher issued = Pattern.compile("Certificates issued: (\\d+)\\.").matcher(text);
                if (issued.find()) {
                    reportedByStaff += Integer.parseInt(issued.group(1));
                } else {
                    assertTrue(text.contains("Every completer already has a certificate."), text);
                }
            }
            for (String trigger : sweeps) {
                assertTrue(Db.eventually(Duration.ofSeconds(60), () -> Db.count("select count(*) from qrtz_triggers where trigger_name = ?", trigger)
                        + Db.count("select count(*) from qrtz_fired_triggers where trigger_name = ?", trigger) == 0), trigger + " ran");
            }
            long took = (System.nanoTime() - started) / 1_000_000;
            assertEquals((long) completers, Db.count("select count(*) from certificate where cohort_id = ?", cohort), "one each, no more");
            assertEquals((long) completers, Db.count("select count(distinct enrolment_id) from certificate where cohort_id = ?", cohort));
            assertEquals(0L, Db.count("""
                    select count(*) from enrolment e where e.cohort_id = ? and e.status = 'COMPLETED'
                    and not exists (select 1 from certificate c where c.enrolment_id = e.id)""", cohort), "none missing");
            assertEquals((long) reportedByStaff, Db.count("select count(*) from certificate where cohort_id = ? and issued_through = 'STAFF'", cohort),
                    "what staff were told is what they did");
            assertEquals(0L, Db.count("select count(*) from certificate where cohort_id = ? and issued_through = 'COMPLETION'", cohort));
            assertEquals((long) completers, Db.count("""
                    select count(*) from notice n join enrolment e on n.dedupe_key = 'certificate-issued:' || e.id
                    where e.cohort_id = ? and n.kind = 'certificate-issued' and n.recipient_id = e.person_id""", cohort), "each told once");
            assertEquals(0L, Db.count("""
                    select count(*) from (select n.recipient_id from notice n join enrolment e on e.person_id = n.recipient_id
                    where e.cohort_id = ? and n.kind = 'certificate-issued' group by n.recipient_id having count(*) > 1) twice""", cohort));
            assertEquals((long) completers, Db.count("select count(distinct status_index) from certificate where cohort_id = ?", cohort));
            System.out.printf("Certificates at once: %d completers, 4 staff posts and 2 sweeps together: %d certificates in %d ms "
                    + "(staff %d, sweep %d)%n", completers, completers, took, reportedByStaff, completers - reportedByStaff);
        } finally {
            pool.shutdownNow();
            visitors.forEach(Visitor::close);
            jobs.close();
        }
        assertTrue(Db.count("select count(*) from audit_entry where action = 'cohort.certificates.issue' and object_id = ?",
                String.valueOf(cohort)) >= 1, "staff's action is audited");
    }

    // ---- 2. from issuing to revocation

    @Test
    void theLearnersCertificateIsDownloadedVerifiedRevokedAndVerifiedAgain() throws Exception {
        String tag = tag();
        String course = "Selling online from a phone " + tag;
        long cohort = AcademyData.cohort(AcademyData.course(course), 10, Map.of("label", "Nairobi " + tag));
        ended(cohort);
        String learner = people.create("en");
        String other = people.create("en");
        long mine = AcademyData.completed(cohort, AcademyData.personId(learner));
        AcademyData.completed(cohort, AcademyData.personId(other));
        String holder = Db.text("select display_name from person where username = ?", learner);

        // Staff issue the missing certificates of the cohort.
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/certificates.xhtml?cohort=" + cohort);
            HtmlPage page = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals("2", page.getElementById("certificate-counts").getAttribute("data-missing"));
            HtmlPage issued = page.<HtmlElement>getHtmlElementById("issue:issueMissing").click();
            assertTrue(issued.asNormalizedText().contains("Certificates issued: 2."), issued.asNormalizedText());
            assertEquals("0", issued.getElementById("certificate-counts").getAttribute("data-missing"));
            assertEquals(2, issued.getByXPath("//span[@class='name' and @data-certificate]").size());
        }
        long certificate = Db.count("select id from certificate where enrolment_id = ?", mine);
        String code = Db.text("select code from certificate where id = ?", certificate);
        long othersCertificate = Db.count("select c.id from certificate c join person p on p.id = c.person_id where p.username = ?", other);
        String verifyUrl = TestStack.portalUrl() + "/verify.xhtml?code=" + code;

        // The learner finds it on My learning and downloads both files.
        byte[] pdf;
        String credential;
        try (Visitor v = new Visitor()) {
            v.open("/me/learning.xhtml");
            HtmlPage learning = v.submitKeycloakLogin(learner, TestPeople.PASSWORD);
            HtmlElement item = learning.getFirstByXPath("//section[@id='certificates']//li[@data-certificate='" + certificate + "']");
            assertNotNull(item, "My learning lists the certificate");
            assertEquals("VALID", item.getAttribute("data-status"));
            assertTrue(item.asNormalizedText().contains(course) && item.asNormalizedText().contains(code), item.asNormalizedText());
            assertNull(learning.getFirstByXPath("//li[@data-certificate='" + othersCertificate + "']"), "only their own");

            Page download = learning.<HtmlElement>getHtmlElementById("pdf-" + certificate).click();
            assertEquals(200, download.getWebResponse().getStatusCode());
            assertEquals("application/pdf", download.getWebResponse().getContentType());
            assertTrue(download.getWebResponse().getResponseHeaderValue("Content-Disposition").contains("certificate-" + code + ".pdf"));
            pdf = download.getWebResponse().getContentAsStream().readAllBytes();
            // Drawn on request: what a download costs, warm (the figure for BENCHMARKS.md).
            long worst = 0;
            long total = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertEquals(200, v.openRaw(TestStack.portalUrl() + "/me/certificates/pdf?id=" + certificate).getWebResponse().getStatusCode());
                long took = System.nanoTime() - start;
                worst = Math.max(worst, took);
                total += took;
            }
            System.out.printf("Certificate PDF download (drawn on request, %d KB): mean %.1f ms, worst %.1f ms over 10%n", pdf.length / 1024,
                    total / 10 / 1e6, worst / 1e6);
            Page jwt = v.openRaw(TestStack.portalUrl() + "/me/certificates/credential?id=" + certificate);
            assertEquals(200, jwt.getWebResponse().getStatusCode());
            assertEquals("application/vc+jwt", jwt.getWebResponse().getContentType());
            credential = jwt.getWebResponse().getContentAsString().strip();

            // Not someone else's, nor an odd id: 404 alike.
            for (String path : List.of("/me/certificates/pdf?id=" + othersCertificate, "/me/certificates/credential?id=" + othersCertificate,
                    "/me/certificates/pdf?id=abc", "/me/certificates/pdf?id=-1", "/me/certificates/pdf", "/me/certificates/credential?id=999999999")) {
                assertEquals(404, v.openRaw(TestStack.portalUrl() + path).getWebResponse().getStatusCode(), path);
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of(holder, course, code, "Nairobi " + tag, "Certificate of completion")) {
                assertTrue(text.contains(expected), () -> "The PDF says " + expected + ": " + text);
            }
            assertEquals(verifyUrl, qrCode(new PDFRenderer(doc).renderImageWithDPI(0, 150)), "the QR code leads to the verification page");
        }
        assertEquals(3, credential.split("\\.").length, "a compact JWS");

        // Anyone verifies it by its code, without a session: the record and the signed claim.
        RawHttp.Response page = RawHttp.get("/verify.xhtml?code=" + code.toLowerCase(), null);
        assertEquals(200, page.status());
        assertNoSession(page, "the verification page");
        assertTrue(page.body().contains("data-status=\"VALID\""), page.body());
        for (String expected : List.of(holder, course, "Nairobi " + tag, "Valid: issued by the academy", "What the academy signed",
                "OpenBadgeCredential")) {
            assertTrue(page.body().contains(expected), () -> "The page shows " + expected);
        }
        try (Visitor anyone = new Visitor()) {
            HtmlPage verified = anyone.open("/verify.xhtml?code=" + code);
            assertEquals(holder, verified.getElementById("holder").getTextContent().strip());
            assertEquals(holder, verified.getElementById("signed-holder").getTextContent().strip(), "the signed claim says the same");
            String json = verified.getElementById("signed-json").getTextContent();
            assertTrue(json.contains("\"identityHash\": \"" + holder + "\"") && json.contains("\"statusListIndex\""), json);
        }
        assertFalse(page.body().contains(Db.text("select display_name from person where username = ?", other)), "nobody else");
        long weight = firstVisitWeight("/verify.xhtml?code=" + code);
        assertTrue(weight < 100 * 1024, "verification page first visit " + weight + " bytes");
        RawHttp.Response unknown = RawHttp.get("/verify.xhtml?code=HK-0000-0000-0000-0000", null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("No certificate has the code HK-0000-0000-0000-0000"), unknown.body());

        // The downloaded credential verifies when pasted; an edited copy is refused, in French, with the reason.
        String edited = editPayload(credential, holder, "Someone Else Entirely");
        try (Visitor anyone = new Visitor("fr")) {
            HtmlPage valid = paste(anyone, credential);
            assertEquals("VALID", valid.getElementById("pasted-result").getAttribute("data-status"));
            assertTrue(valid.getElementById("signed-holder").getTextContent().contains(holder));
            HtmlPage refused = paste(anyone, edited);
            assertEquals("BAD_SIGNATURE", refused.getElementById("pasted-result").getAttribute("data-status"));
            assertTrue(refused.getElementById("pasted-verdict").asNormalizedText().contains(
                    "Non valable : sa signature ne correspond pas à son contenu"), refused.getElementById("pasted-verdict").asNormalizedText());
            assertNull(refused.getElementById("signed"), "nothing of an edited credential is shown as signed");
            HtmlPage json = paste(anyone, new String(Base64.getUrlDecoder().decode(credential.split("\\.")[1]), StandardCharsets.UTF_8));
            assertEquals("MALFORMED", json.getElementById("pasted-result").getAttribute("data-status"), "the JSON alone is not signed");
            HtmlPage huge = paste(anyone, "x".repeat(16 * 1024 + 1));
            assertNotNull(huge.getElementById("too-long"));
            assertNoSessionCookie(anyone);
        }

        // The public endpoints: issuer, keys, status list; cacheable, no session.
        RawHttp.Response issuer = RawHttp.get("/credentials/issuer", null);
        assertEquals(200, issuer.status());
        assertNoSession(issuer, "the issuer profile");
        JsonObject profile = Json.createReader(new StringReader(issuer.body())).readObject();
        assertEquals(TestStack.portalUrl() + "/credentials/issuer", profile.getString("id"));
        assertEquals("Hamkke entrepreneur academy", profile.getString("name"));
        RawHttp.Response jwks = RawHttp.get("/credentials/jwks.json", null);
        assertEquals(200, jwks.status());
        assertTrue(jwks.header("cache-control").contains("public"), jwks.header("cache-control"));
        assertEquals("*", jwks.header("access-control-allow-origin"));
        String kid = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(credential.split("\\.")[0]),
                StandardCharsets.UTF_8))).readObject().getString("kid");
        assertTrue(jwks.body().contains(kid), "the credential's kid is published");
        assertFalse(jwks.body().contains("\"d\""), "no private part");
        int index = (int) Db.count("select status_index from certificate where id = ?", certificate);
        int othersIndex = (int) Db.count("select status_index from certificate where id = ?", othersCertificate);
        assertFalse(statusBit(index), "not revoked yet");

        // Staff revoke it: a reason is required, then the bit flips and verification says so.
        String reason = "Attendance was recorded for the wrong person " + tag;
        try (Visitor staff = new Visitor()) {
            staff.open("/staff/certificates.xhtml?cohort=" + cohort + "&revoke=" + certificate);
            HtmlPage dialog = staff.submitKeycloakLogin(DemoLogin.STAFF.username(), DemoLogin.STAFF.password());
            assertEquals(String.valueOf(certificate), dialog.getElementById("revoke-pending").getAttribute("data-certificate"));
            assertTrue(dialog.getElementById("revoke-pending").asNormalizedText().contains(code));
            assertNull(Db.value("select revoked_at from certificate where id = ?", certificate), "opening the dialog changes nothing");
            HtmlPage noReason = dialog.<HtmlElement>getHtmlElementById("revoke:revokeButton").click();
            assertTrue(noReason.asNormalizedText().contains("Write the reason: anyone who verifies the certificate reads it."),
                    noReason.asNormalizedText());
            assertNull(Db.value("select revoked_at from certificate where id = ?", certificate), "nothing half-saved");
            noReason.<HtmlTextArea>getHtmlElementById("revoke:reason").setText(reason);
            HtmlPage revoked = noReason.<HtmlElement>getHtmlElementById("revoke:revokeButton").click();
            assertTrue(revoked.asNormalizedText().contains("The certificate " + code + " is revoked."), revoked.asNormalizedText());
            assertEquals("1", revoked.getElementById("certificate-counts").getAttribute("data-revoked"));
            HtmlElement status = revoked.getFirstByXPath("//tr[.//span[@data-certificate='" + certificate + "']]//span[@class='status']");
            assertEquals("REVOKED", status.getAttribute("data-status"));
            // Asking again for a revoked one opens no dialog.
            assertNull(staff.open("/staff/certificates.xhtml?cohort=" + cohort + "&revoke=" + certificate).getElementById("revoke-pending"));
        }
        assertEquals(reason, Db.text("select revoked_reason from certificate where id = ?", certificate));
        assertEquals(1L, Db.count("select count(*) from audit_entry where action = 'certificate.revoke' and object_id = ? and actor = 'staff'",
                String.valueOf(certificate)));
        assertTrue(statusBit(index), "the bit is set in the published list");
        assertFalse(statusBit(othersIndex), "and no other");

        RawHttp.Response again = RawHttp.get("/verify.xhtml?code=" + code, null);
        assertTrue(again.body().contains("data-status=\"REVOKED\""), again.body());
        assertTrue(again.body().contains("Reason: " + reason), "the reason, with the date");
        try (Visitor anyone = new Visitor()) {
            HtmlPage pasted = paste(anyone, credential);
            assertEquals("REVOKED", pasted.getElementById("pasted-result").getAttribute("data-status"));
            assertTrue(pasted.getElementById("pasted-verdict").asNormalizedText().contains("Reason: " + reason));
        }
        try (Visitor v = new Visitor()) {
            v.open("/me/learning.xhtml");
            HtmlPage learning = v.submitKeycloakLogin(learner, TestPeople.PASSWORD);
            HtmlElement item = learning.getFirstByXPath("//li[@data-certificate='" + certificate + "']");
            assertEquals("REVOKED", item.getAttribute("data-status"));
            assertTrue(item.asNormalizedText().contains(reason));
            assertNull(learning.getElementById("pdf-" + certificate), "no downloads of a revoked certificate");
            assertEquals(404, v.openRaw(TestStack.portalUrl() + "/me/certificates/pdf?id=" + certificate).getWebResponse().getStatusCode());
        }

        // The learner was told once, by notice and by mail, with the verification address.
        Outbox.settled(learner);
        assertEquals(1L, Db.count("""
                select count(*) from notice n join person p on p.id = n.recipient_id where p.username = ? and n.kind = 'certificate-issued'""",
                learner));
        List<Mailbox.Mail> mails = new Mailbox(KeycloakAdmin.emailOf(learner)).await(m -> m.subject().contains(course), 1, Duration.ofSeconds(30));
        assertEquals(List.of("Your certificate for " + course), mails.stream().map(Mailbox.Mail::subject).toList());
        assertTrue(mails.getFirst().text().contains(code) && mails.getFirst().text().contains(verifyUrl), mails.getFirst().text());
    }

    // ---- 3. right to left

    @Test
    void theArabicAndUrduCertificatesAreDrawnRightToLeftAndShaped() throws Exception {
        String tag = tag();
        long course = IntakeData.id("""
                insert into course (title, summary, duration_weeks, language, level, default_capacity)
                values (jsonb_build_object('en', ?::text, 'ar', 'أساسيات الاقتصاد الاجتماعي والتضامني', 'ur', 'سماجی اور یکجہتی معیشت کی بنیادیں'),
                        '{"en": "A course of the tests."}', 4, 'ar', 'BEGINNER', 10) returning id""", "Foundations of the SSE " + tag);
        long cohort = AcademyData.cohort(course, 10, Map.of("label", "SSE-2027-A"));
        ended(cohort);
        Map<String, String> names = Map.of("ar", "فاطمة الزهراء بن علي", "ur", "عائشہ صدیقی");
        Map<String, String> learners = Map.of("ar", people.create("ar"), "ur", people.create("ur"));
        for (var learner : learners.entrySet()) {
            // The name as the person gave it in Keycloak; the certificate keeps it as it was when issued.
            Db.execute("update person set display_name = ? where username = ?", names.get(learner.getKey()), learner.getValue());
            AcademyData.completed(cohort, AcademyData.personId(learner.getValue()));
        }
        AcademyData.runJob("certificate-sweep", "certificates-rtl-" + tag);
        assertEquals(2L, Db.count("select count(*) from certificate where cohort_id = ? and issued_through = 'SWEEP'", cohort), "the backstop issued both");

        Path screenshots = Path.of(System.getProperty("hamkke.project.dir", "."), "docs", "screenshots");
        Files.createDirectories(screenshots);
        for (var learner : learners.entrySet()) {
            String language = learner.getKey();
            long certificate = Db.count("select c.id from certificate c join person p on p.id = c.person_id where p.username = ?", learner.getValue());
            String code = Db.text("select code from certificate where id = ?", certificate);
            assertEquals(language, Db.text("select language from certificate where id = ?", certificate), "in the learner's language");
            byte[] pdf;
            try (Visitor v = new Visitor(language)) {
                v.open("/me/learning.xhtml");
                HtmlPage learning = v.submitKeycloakLogin(learner.getValue(), TestPeople.PASSWORD);
                assertEquals("rtl", learning.getDocumentElement().getAttribute("dir"));
                pdf = learning.<HtmlElement>getHtmlElementById("pdf-" + certificate).click().getWebResponse().getContentAsStream().readAllBytes();
            }
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                List<String> lines = actualTexts(doc);
                assertEquals(names.get(language), lines.get(3), "the holder's name, in reading order: " + lines);
                assertTrue(lines.contains(language.equals("ar") ? "أساسيات الاقتصاد الاجتماعي والتضامني" : "سماجی اور یکجہتی معیشت کی بنیادیں"), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.contains(code)), "the code: " + lines);
                BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
                assertEquals(TestStack.portalUrl() + "/verify.xhtml?code=" + code, qrCode(new PDFRenderer(doc).renderImageWithDPI(0, 150)));
                ImageIO.write(image, "png", screenshots.resolve("certificate-" + language + ".png").toFile());
            }
            RawHttp.Response verify = RawHttp.get("/verify.xhtml?code=" + code, null);
            assertTrue(verify.body().contains(names.get(language)), "verified, with the name as printed");
        }
    }

    // ---- helpers

    /** The cohort ran from 40 days ago until 5 days ago, as a completed one has. */
    private static void ended(long cohort) throws Exception {
        Db.execute("update cohort set starts_on = current_date - 40, ends_on = current_date - 5 where id = ?", cohort);
    }

    private static HtmlPage paste(Visitor visitor, String credential) throws Exception {
        HtmlPage page = visitor.open("/verify.xhtml");
        page.<HtmlTextArea>getHtmlElementById("credential-input").setText(credential);
        return page.<HtmlElement>getHtmlElementById("check-credential").click();
    }

    /** The credential with a word of its payload changed, its header and signature kept. */
    private static String editPayload(String jwt, String from, String to) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains(from), payload);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** The bit of the published status list 1, read as a verifier elsewhere would: the signed list's encodedList. */
    private static boolean statusBit(int index) throws Exception {
        RawHttp.Response list = RawHttp.get("/credentials/status/1", null);
        assertEquals(200, list.status());
        assertNoSession(list, "the status list");
        assertTrue(list.header("cache-control").contains("max-age=300"), list.header("cache-control"));
        assertTrue(list.header("content-type").startsWith("application/vc+jwt"), list.header("content-type"));
        JsonObject payload = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(list.body().strip().split("\\.")[1]),
                StandardCharsets.UTF_8))).readObject();
        assertEquals(TestStack.portalUrl() + "/credentials/status/1", payload.getString("id"));
        System.out.printf("Status list 1: %d bytes signed (%d characters of encodedList for %d bits)%n", list.body().strip().length(),
                payload.getJsonObject("credentialSubject").getString("encodedList").length(), BitstringStatusList.MIN_ENTRIES);
        return BitstringStatusList.decode(payload.getJsonObject("credentialSubject").getString("encodedList")).get(index);
    }

    private static void assertNoSession(RawHttp.Response response, String what) {
        String cookies = response.header("set-cookie");
        assertTrue(cookies == null || !cookies.contains(Sessions.COOKIE), () -> what + " started a session: " + cookies);
    }

    private static void assertNoSessionCookie(Visitor visitor) {
        assertNull(Sessions.cookie(visitor), "no session for an anonymous reader");
    }

    private static String qrCode(BufferedImage page) throws Exception {
        int w = page.getWidth();
        int h = page.getHeight();
        int[] pixels = page.getRGB(0, 0, w, h, null, 0, w);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** The ActualText of each line on the first page: the words in reading order, as copy and search see them. */
    private static List<String> actualTexts(PDDocument doc) throws Exception {
        var extractor = new PDFMarkedContentExtractor();
        extractor.processPage(doc.getPage(0));
        List<String> texts = new ArrayList<>();
        for (PDMarkedContent content : extractor.getMarkedContents()) {
            if (content.getActualText() != null) {
                texts.add(content.getActualText());
            }
        }
        return texts;
    }

    private static final Pattern RESOURCE = Pattern.compile("<(?:link|script|img)\\b[^>]*?\\b(?:href|src)=\"(/[^\"]+)\"");

    /** What a browser fetches on a first visit, gzip-compressed as sent: the page and its stylesheets, scripts and images. */
    static long firstVisitWeight(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(TestStack.portalUrl() + path)).header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean gzip = page.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        String html = new String(gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(page.body())).readAllBytes() : page.body(),
                StandardCharsets.UTF_8);
        long total = page.body().length;
        Set<String> resources = new LinkedHashSet<>();
        Matcher m = RESOURCE.matcher(html);
        while (m.find()) {
            resources.add(m.group(1).replace("&amp;", "&"));
        }
        for (String resource : resources) {
            total += http.send(HttpRequest.newBuilder(URI.create(TestStack.portalUrl() + resource)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        System.out.printf("Page weight, first visit: %s %.1f KB (HTML %.1f KB, %d resources)%n", path.replaceAll("=.*", "=..."), total / 1024.0,
                page.body().length / 1024.0, resources.size());
        return total;
    }
}
