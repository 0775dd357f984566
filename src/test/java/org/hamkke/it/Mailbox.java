package org.hamkke.it;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * One person's mailbox at the mail catcher, read over IMAP like a mail program would (so the tests
 * see what was really delivered over SMTP, not what the portal meant to send).
 */
final class Mailbox {

    record Mail(String subject, String from, String language, String text, String html) {}

    private final String address;

    Mailbox(String address) {
        this.address = address;
    }

    List<Mail> read() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(props);
        List<Mail> mails = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            try {
                store.connect("localhost", TestStack.imapPort(), address, address);
            } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
                return mails;
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                String text = null;
                String html = null;
                if (message.getContent() instanceof Multipart parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = (String) part.getContent();
                        } else if (part.isMimeType("text/html")) {
                            html = (String) part.getContent();
                        }
                    }
                } else {
                    text = message.getContent().toString();
                }
                String[] language = message.getHeader("Content-Language");
                mails.add(new Mail(message.getSubject(), message.getFrom()[0].toString(),
                        language == null ? null : language[0], text, html));
            }
            inbox.close(false);
        }
        return mails;
    }

    /** Waits until at least {@code count} mails match, and returns all that match. */
    List<Mail> await(Predicate<Mail> matching, int count, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> found = read().stream().filter(matching).toList();
            if (found.size() >= count || System.nanoTime() > until) {
                return found;
            }
            Thread.sleep(300);
        }
    }
}
