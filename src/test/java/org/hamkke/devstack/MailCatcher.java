package org.hamkke.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local mail server (GreenMail) that keeps every mail instead of delivering it: SMTP for the
 * portal and Keycloak, IMAP for reading (any user name is a mailbox, the password is the same as
 * the user name). The dev run also writes each mail as a .eml file into a folder, to open in a
 * mail program or a text editor.
 */
public final class MailCatcher implements AutoCloseable {

    private final int smtpPort;
    private final int imapPort;
    private final Path emlDir;
    private GreenMail greenMail;
    private ScheduledExecutorService writer;
    private int written;

    /** @param emlDir where to copy each mail as a file, or null not to */
    public MailCatcher(int smtpPort, int imapPort, Path emlDir) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.emlDir = emlDir;
    }

    public synchronized void start() throws IOException {
        greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        if (emlDir != null && writer == null) {
            Files.createDirectories(emlDir);
            writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mail-to-files");
                t.setDaemon(true);
                return t;
            });
            written = 0;
            writer.scheduleWithFixedDelay(this::writeNewMails, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Stops accepting mail (the "mail server down" of a test); {@link #start} brings it back, empty. */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public Path emlDir() {
        return emlDir;
    }

    private synchronized void writeNewMails() {
        if (greenMail == null) {
            return;
        }
        MimeMessage[] mails = greenMail.getReceivedMessages();
        for (; written < mails.length; written++) {
            Path file = emlDir.resolve(String.format("%05d.eml", written + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                mails[written].writeTo(out);
            } catch (Exception e) {
                System.err.println("Could not write " + file + ": " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
        stop();
    }
}
