package org.hamkke.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev run's mail catcher writes each mail to a file once, numbered in arrival order, also when
 * the mails go to mailboxes in an order unlike their arrival (GreenMail lists them by mailbox)
 * and across a restart of the mail server.
 */
class MailCatcherTest {

    @TempDir
    Path dir;

    @Test
    void eachMailIsWrittenOnceInArrivalOrder() throws Exception {
        Files.writeString(dir.resolve("00007.eml"), "from an earlier run");
        try (MailCatcher catcher = new MailCatcher(Ports.free(), Ports.free(), dir)) {
            catcher.start();
            send(catcher, "1 welcome", "zoe@example.org");
            send(catcher, "2 decision", "adam@example.org");
            catcher.writeArrived();
            send(catcher, "3 reminder", "zoe@example.org");
            send(catcher, "4 to two people", "adam@example.org", "mia@example.org");
            send(catcher, "5 digest", "adam@example.org");
            catcher.writeArrived();

            catcher.stop();
            catcher.start();
            send(catcher, "6 after the restart", "zoe@example.org");
            catcher.writeArrived();
            catcher.writeArrived();
        }

        assertEquals(List.of("00007.eml", "00008.eml", "00009.eml", "00010.eml", "00011.eml", "00012.eml", "00013.eml"),
                files());
        assertEquals(List.of("1 welcome", "2 decision", "3 reminder", "4 to two people", "5 digest", "6 after the restart"),
                subjects().subList(1, 7));
        assertEquals("from an earlier run", Files.readString(dir.resolve("00007.eml")), "An earlier run's file is kept");
    }

    private static void send(MailCatcher catcher, String subject, String... to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("noreply@hamkke.example"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject);
        message.setText("Hello");
        Transport.send(message);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> subjects() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (String name : files()) {
            try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                String text = new String(in.readAllBytes());
                subjects.add(text.startsWith("from an earlier run") ? text
                        : new MimeMessage(null, new java.io.ByteArrayInputStream(text.getBytes())).getSubject());
            }
        }
        return subjects;
    }
}
