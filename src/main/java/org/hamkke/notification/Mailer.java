package org.hamkke.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamkke.identity.Allowed;

/**
 * Jakarta Mail over SMTP, configured by MicroProfile Config ({@code hamkke.mail.*}, see README).
 * Sends a batch over one connection: opening a connection per message is what makes outboxes slow.
 */
@Allowed(portal = true)
@ApplicationScoped
public class Mailer {

    public record Mail(long id, String to, String subject, String text, String html, String language) {}

    /** How one mail of a batch went: sent, or why not, and whether trying again can help. */
    public record Outcome(long id, boolean sent, boolean permanent, String error) {}

    @Inject
    @ConfigProperty(name = "hamkke.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "hamkke.mail.port", defaultValue = "25")
    int port;

    /** none, starttls (required) or tls (SMTPS). */
    @Inject
    @ConfigProperty(name = "hamkke.mail.security", defaultValue = "none")
    String security;

    @Inject
    @ConfigProperty(name = "hamkke.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "hamkke.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "hamkke.mail.from", defaultValue = "Hamkke <noreply@hamkke.example>")
    String from;

    private volatile Session session;

    private Session session() {
        Session s = session;
        if (s == null) {
            Properties props = new Properties();
            String protocol = "tls".equals(security) ? "smtps" : "smtp";
            props.put("mail.transport.protocol", protocol);
            props.put("mail." + protocol + ".host", host);
            props.put("mail." + protocol + ".port", String.valueOf(port));
            props.put("mail." + protocol + ".connectiontimeout", "5000");
            props.put("mail." + protocol + ".timeout", "10000");
            props.put("mail." + protocol + ".writetimeout", "10000");
            if ("starttls".equals(security)) {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            if ("tls".equals(security) || "starttls".equals(security)) {
                props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            Authenticator auth = null;
            if (user.isPresent()) {
                props.put("mail." + protocol + ".auth", "true");
                auth = new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(user.get(), password.orElse(""));
                    }
                };
            }
            s = Session.getInstance(props, auth);
            session = s;
        }
        return s;
    }

    /**
     * Sends each mail, over one connection.
     *
     * @throws MessagingException when the server cannot be reached at all: nothing was sent
     */
    public List<Outcome> send(List<Mail> mails) throws MessagingException {
        List<Outcome> outcomes = new ArrayList<>(mails.size());
        try (Transport transport = session().getTransport()) {
            transport.connect();
            for (Mail mail : mails) {
                try {
                    MimeMessage message = compose(mail);
                    transport.sendMessage(message, message.getAllRecipients());
                    outcomes.add(new Outcome(mail.id(), true, false, null));
                } catch (SendFailedException e) {
                    // The server refused this address: another try will not change its mind.
                    outcomes.add(new Outcome(mail.id(), false, e.getValidSentAddresses() == null, describe(e)));
                } catch (jakarta.mail.internet.AddressException e) {
                    outcomes.add(new Outcome(mail.id(), false, true, describe(e)));
                } catch (MessagingException e) {
                    if (!transport.isConnected()) {
                        // The connection broke mid-batch: the rest are for a later try.
                        outcomes.add(new Outcome(mail.id(), false, false, describe(e)));
                        for (Mail rest : mails.subList(mails.indexOf(mail) + 1, mails.size())) {
                            outcomes.add(new Outcome(rest.id(), false, false, describe(e)));
                        }
                        return outcomes;
                    }
                    outcomes.add(new Outcome(mail.id(), false, false, describe(e)));
                }
            }
        }
        return outcomes;
    }

    private MimeMessage compose(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(mail.to(), true)});
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setHeader("Content-Language", mail.language());
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.setSentDate(new java.util.Date());
        return message;
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
