package org.hamkke.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local mail server (GreenMail) that keeps every mail instead of delivering it: SMTP for the
 * portal and Keycloak, IMAP for reading (any user name is a mailbox, the password is the same as
 * the user name). The dev run also writes each mail as a .eml file into a folder, to open in a
 * mail program or a text editor.
 *
 * <p>Files are numbered in the order the mails arrived, each mail once however many recipients it
 * had, and numbering goes on after the files an earlier run left. GreenMail's list of received
 * messages cannot give that: it is gathered mailbox by mailbox, so its order is not arrival order
 * (a mail to a mailbox early in the list shifts every later index, and writing by index once
 * skipped a decision mail and wrote another twice), and it starts empty again after a restart.
 * So each mail is taken as it is delivered, on the SMTP thread, and written by a thread of its own.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\.eml");

    private final int smtpPort;
    private final int imapPort;
    private final Path emlDir;
    private final ConcurrentLinkedQueue<MimeMessage> arrived = new ConcurrentLinkedQueue<>();
    /** SMTP transactions already queued: one is delivered once per recipient. */
    private final Set<MovingMessage> seen = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));
    private GreenMail greenMail;
    private ScheduledExecutorService writer;
    private int lastNumber = -1;

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
        if (emlDir == null) {
            return;
        }
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, to) -> {
            var user = deliver.handle(message, to);
            if (seen.add(message)) {
                arrived.add(message.getMessage());
            }
            return user;
        });
        if (writer == null) {
            Files.createDirectories(emlDir);
            writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mail-to-files");
                t.setDaemon(true);
                return t;
            });
            writer.scheduleWithFixedDelay(this::writeArrived, 1, 1, TimeUnit.SECONDS);
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

    /** Writes the mails that arrived since the last call, in arrival order (the writer thread calls it every second). */
    void writeArrived() {
        synchronized (arrived) {
            for (MimeMessage mail; (mail = arrived.poll()) != null; ) {
                Path file = null;
                try {
                    file = emlDir.resolve(String.format("%05d.eml", nextNumber()));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        mail.writeTo(out);
                    }
                } catch (Exception e) {
                    System.err.println("Could not write " + (file == null ? "a caught mail" : file) + ": " + e.getMessage());
                }
            }
        }
    }

    /** One more than the highest number in the folder when first asked (files of earlier runs stay). */
    private int nextNumber() throws IOException {
        if (lastNumber < 0) {
            lastNumber = 0;
            try (Stream<Path> files = Files.list(emlDir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Matcher m = NUMBERED.matcher(file.getFileName().toString());
                    if (m.matches()) {
                        lastNumber = Math.max(lastNumber, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return ++lastNumber;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.shutdownNow();
            writer = null;
        }
        stop();
        if (emlDir != null) {
            writeArrived();
        }
    }
}
